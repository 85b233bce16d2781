using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmartCityIndex.Cli.Output;

/// <summary>Where a command's result goes: the file given with --out, or standard output.</summary>
internal static class OutputTarget
{
    private const int BufferSize = 1 << 16;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Codes, names and warnings stay readable (é, →, 城市) instead of \u escapes; the output is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes text to <paramref name="path"/> (UTF-8, no byte order mark) or, when null, to <paramref name="standardOutput"/>.</summary>
    public static void WriteText(string? path, TextWriter standardOutput, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(standardOutput);
            standardOutput.Flush();
            return;
        }

        using var stream = Create(path);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), BufferSize);
        write(writer);
    }

    /// <summary>Writes JSON, followed by a line break, to <paramref name="path"/> or, when null, to <paramref name="standardOutput"/>.</summary>
    public static void WriteJson(string? path, TextWriter standardOutput, Action<Utf8JsonWriter> write)
    {
        using Stream stream = path is null ? new TextWriterStream(standardOutput) : Create(path);
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            write(json);
        }

        stream.Write("\n"u8);
        stream.Flush();
    }

    /// <summary>
    /// Writes a result as JSON (notes included in it by <paramref name="writeJson"/>) or as CSV, followed by
    /// <paramref name="notes"/> on standard error: the common tail of every command that writes a table.
    /// </summary>
    public static int WriteResult(string format, string? path, TextWriter standardOutput, TextWriter standardError,
        Action<Utf8JsonWriter> writeJson, Action<TextWriter> writeCsv, IEnumerable<string> notes)
    {
        if (format == "json")
        {
            WriteJson(path, standardOutput, writeJson);
            return 0;
        }

        WriteText(path, standardOutput, writeCsv);
        foreach (var note in notes)
        {
            standardError.WriteLine(note);
        }

        return 0;
    }

    private static FileStream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write the file ({e.Message})");
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>, so JSON can go to standard output or a test's StringWriter.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private char[] _chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[Math.Max(needed, _chars.Length * 2)];
            }

            var count = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, count);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
