using System.Text;
using SmartCityIndex.Cli;

// Standard output through one large buffer: a score table is many small writes, and Console.Out flushes each one.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return Cli.Run(args, output, Console.Error);
