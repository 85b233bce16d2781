namespace SmartCityIndex.Cli.Tests;

/// <summary>Every kind of bad input ends with exit code 2, nothing on standard output and one readable message on standard error.</summary>
public sealed class InputErrorTests
{
    private static void AssertRefused(CliRun run, params string[] fragments)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Score_MissingDataFile_SaysFileNotFound()
    {
        using var folder = new TempFolder();
        var missing = folder.File("D.csv");

        var run = CliRunner.Run("score", "--data", missing, "--meta", AsemFiles.Meta);

        AssertRefused(run, $"{missing}: file not found");
        Assert.Equal($"{missing}: file not found", run.Error.TrimEnd());
    }

    [Fact]
    public void Score_MissingMetaFile_SaysFileNotFound()
    {
        var run = CliRunner.Run("score", "--data", AsemFiles.Data, "--meta", "no-such-meta.csv");

        AssertRefused(run, "no-such-meta.csv: file not found");
    }

    [Theory]
    [InlineData("score", "1e308")]
    [InlineData("score", "-2e15")]
    [InlineData("weights critic", "1e308")]
    [InlineData("weights entropy", "1.7976931348623157E+308")]
    public void Command_ValueTooLargeToComputeWith_NamesFileRowAndColumnInsteadOfAQuietResult(string command, string cell)
    {
        using var folder = new TempFolder();
        var data = SmallIndex.Data;
        data[3] = $"U3,Three,South,4,{cell},NA";
        var (dataPath, meta) = SmallIndex.WriteTo(folder, data);

        var run = CliRunner.Run([.. command.Split(' '), "--data", dataPath, "--meta", meta]);

        AssertRefused(run, $"{dataPath}, row 4, column B: '{cell}' is too large: an indicator value must lie within ±1e15.");
    }

    [Fact]
    public void Score_NonNumericCell_NamesFileRowAndColumn()
    {
        using var folder = new TempFolder();
        var data = SmallIndex.Data;
        data[3] = "U3,Three,South,4,lots,NA";
        var (dataPath, meta) = SmallIndex.WriteTo(folder, data);

        var run = CliRunner.Run("score", "--data", dataPath, "--meta", meta);

        AssertRefused(run, $"{dataPath}, row 4, column B: 'lots' is not a number");
    }

    [Fact]
    public void Score_UnknownNormalisation_ListsTheAllowedValues()
    {
        var run = CliRunner.ScoreAsem("--normalise", "logistic");

        AssertRefused(run, "'logistic'", "minmax", "zscore", "rank", "goalposts", "sci score --help");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("a,b")]
    [InlineData("1,2,3")]
    [InlineData("1;100")]
    public void Score_MalformedRange_AsksForTwoNumbers(string range)
    {
        var run = CliRunner.ScoreAsem("--range", range);

        AssertRefused(run, $"--range must be two numbers separated by a comma", $"(got '{range}')");
    }

    [Fact]
    public void Score_RangeLowAboveHigh_AsksForLowFirst()
    {
        var run = CliRunner.ScoreAsem("--range", "100,1");

        AssertRefused(run, "--range must have its low end below its high end");
    }

    [Fact]
    public void Score_RangeWithDecimals_ReadsInvariantNumbers()
    {
        var run = CliRunner.ScoreAsem("--range", "0.5,99.5");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Score_GeometricOnZeroToHundred_SuggestsRangeOneToHundred()
    {
        var run = CliRunner.ScoreAsem("--aggregate", "geometric");

        AssertRefused(run, "geometric mean needs positive values", "1-100", "--range 1,100");
    }

    [Fact]
    public void Score_DuplicateUnitCode_NamesTheCodeAndFile()
    {
        using var folder = new TempFolder();
        var data = SmallIndex.Data;
        data[2] = "U1,Two,North,2,30,4";
        var (dataPath, meta) = SmallIndex.WriteTo(folder, data);

        var run = CliRunner.Run("score", "--data", dataPath, "--meta", meta);

        AssertRefused(run, dataPath, "'U1' appears twice");
    }

    [Fact]
    public void Score_MetaWithCycle_NamesTheCycle()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder, meta:
        [
            "iCode,iName,Level,Parent,Direction,Weight,Type",
            "A,Alpha,1,P1,1,1,Indicator",
            "B,Beta,1,P1,1,1,Indicator",
            "C,Gamma,1,P1,-1,1,Indicator",
            "P1,Pillar,2,P2,,1,Aggregate",
            "P2,Sub-index,3,P1,,1,Aggregate",
        ]);

        var run = CliRunner.Run("score", "--data", data, "--meta", meta);

        AssertRefused(run, "cycle", "P1 → P2 → P1");
    }

    [Fact]
    public void Score_MetaMissingColumn_NamesFileAndColumn()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder, meta: [.. SmallIndex.Meta.Select(l => l[..l.LastIndexOf(',')])]);

        var run = CliRunner.Run("score", "--data", data, "--meta", meta);

        AssertRefused(run, $"{meta}: the column 'Type' is missing");
    }

    [Fact]
    public void Score_ImputeGroupWithoutColumn_AsksForTheColumn()
    {
        var run = CliRunner.ScoreAsem("--impute", "group-median:");

        AssertRefused(run, "--impute group-median needs the group column");
    }

    [Fact]
    public void Score_ImputeUnknownGroupColumn_ListsTheColumns()
    {
        var run = CliRunner.ScoreAsem("--impute", "group-mean:Continent");

        AssertRefused(run, "'Continent'", "EurAsia_group");
    }

    [Theory]
    [InlineData("x", "--gra-zeta must be a number")]
    [InlineData("0", "must be in (0, 1]")]
    public void Score_BadGraZeta_Refused(string zeta, string message)
    {
        var run = CliRunner.ScoreAsem("--aggregate", "gra", "--gra-zeta", zeta);

        AssertRefused(run, message);
    }

    [Fact]
    public void Score_OutInMissingFolder_SaysItCannotWrite()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "no-such-folder", "out.csv");

        var run = CliRunner.ScoreAsem("--out", path);

        AssertRefused(run, $"{path}: cannot write the file");
    }

    [Fact]
    public void Score_RequiredOptionsMissing_NamesThem()
    {
        var run = CliRunner.Run("score");

        AssertRefused(run, "--data", "--meta");
    }

    [Fact]
    public void Run_NoCommand_AsksForOne()
    {
        var run = CliRunner.Run();

        AssertRefused(run, "sci --help");
    }

    [Fact]
    public void Run_UnknownOption_NamesIt()
    {
        var run = CliRunner.ScoreAsem("--weights", "w.csv");

        AssertRefused(run, "--weights");
    }

    [Fact]
    public void Ahp_NonSquareMatrix_SaysSquare()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B,C", "A,1,2,3", "B,1/2,1,2");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        AssertRefused(run, path, "must be square", "2 criteria in rows", "3 in the header");
    }

    [Fact]
    public void Ahp_RaggedRow_NamesTheRow()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B", "A,1,2", "B,1/2");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        AssertRefused(run, $"{path}, row 3: expected 3 cells");
    }

    [Fact]
    public void Ahp_NonReciprocal_NamesBothCells()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B,C", "A,1,3,5", "B,1/3,1,2", "C,1/5,1/3,1");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        AssertRefused(run, path, "not reciprocal", "row B, column C is 2", "row C, column B is 1/3");
    }

    [Fact]
    public void Ahp_BadJudgement_NamesRowAndColumn()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B", "A,1,three", "B,1/3,1");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        AssertRefused(run, $"{path}, row 2, column B: 'three' is not a pairwise judgement");
    }

    [Fact]
    public void Ahp_RowNamesDifferFromHeader_SaysWhichDiffer()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B,C", "A,1,2,4", "C,1/2,1,2", "B,1/4,1/2,1");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        AssertRefused(run, "row 3 is 'C' but column 3 is 'B'", "row 4 is 'B' but column 4 is 'C'");
    }

    [Fact]
    public void Ahp_MissingMatrixFile_SaysFileNotFound()
    {
        var run = CliRunner.Run("weights", "ahp", "--matrix", "M.csv");

        AssertRefused(run, "M.csv: file not found");
    }

    [Fact]
    public void Critic_PrepareRaw_IsRefusedWithReason()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder);

        var run = CliRunner.Run("weights", "critic", "--data", data, "--meta", meta, "--prepare", "raw");

        AssertRefused(run, "--prepare raw applies to entropy weights only");
    }

    [Fact]
    public void Entropy_RawWithNegativeValue_Refused()
    {
        using var folder = new TempFolder();
        var data = SmallIndex.Data;
        data[1] = "U1,One,North,-1,10,5";
        var (dataPath, meta) = SmallIndex.WriteTo(folder, data);

        var run = CliRunner.Run("weights", "entropy", "--data", dataPath, "--meta", meta, "--prepare", "raw");

        AssertRefused(run, "need values of 0 or more");
    }
}
