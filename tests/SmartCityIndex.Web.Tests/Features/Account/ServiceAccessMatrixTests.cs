using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Import;
using SmartCityIndex.Web.Features.Review;
using SmartCityIndex.Web.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// Every operation of the feature services, called by each kind of user through the services the portal itself
/// builds (its DI container, a scope per user as a circuit has), on PostgreSQL: the checks live in the services, so
/// that a page that forgot its attribute, or a crafted call, still cannot reach another city's data.
/// </summary>
public sealed class ServiceAccessMatrixTests(SeededPostgresPortalFixture portal) : IClassFixture<SeededPostgresPortalFixture>
{
    private const string City = "CN-HZ";
    private const string Hz = DemoAccounts.HangzhouOfficial;
    private const string Other = DemoAccounts.GuangdongOfficial;
    private const string Ev = DemoAccounts.Evaluator;
    private const string Ad = DemoAccounts.Admin;

    /// <summary>(operation, user, allowed). Each operation starts from the state it needs.</summary>
    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        void Row(string operation, bool hangzhou, bool other, bool evaluator, bool admin)
        {
            data.Add(operation, Hz, hangzhou);
            data.Add(operation, Other, other);
            data.Add(operation, Ev, evaluator);
            data.Add(operation, Ad, admin);
        }

        Row("entry.list-mine", true, false, false, false);
        Row("entry.open", true, false, false, false);
        Row("entry.save-value", true, false, false, false);
        Row("entry.submit", true, false, false, false);
        Row("entry.changed-last-by-me", true, false, false, false);
        Row("history.get", true, false, true, true);
        Row("import.template", true, false, false, false);
        Row("import.preview", true, false, false, false);
        Row("import.apply", true, false, false, false);
        Row("review.queue", false, false, true, true);
        Row("review.get", false, false, true, true);
        Row("review.approve", false, false, true, true);
        Row("review.return", false, false, true, true);
        Row("review.reopen", false, false, false, true);
        Row("users.list", false, false, false, true);
        Row("users.create", false, false, false, true);
        Row("users.update", false, false, false, true);
        Row("users.disable", false, false, false, true);
        Row("users.reset-two-factor", false, false, false, true);
        Row("rankings.get", true, true, true, true);
        Row("rankings.profile", true, false, true, true);
        Row("rankings.method", true, true, true, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_OperationAsUser_IsAllowedOrRefusedAsSpecified(string operation, string user, bool allowed)
    {
        var (year, id) = await StartAsync(operation switch
        {
            "review.approve" or "review.return" => SubmissionStatus.Submitted,
            "review.reopen" => SubmissionStatus.Approved,
            _ => SubmissionStatus.Draft,
        });
        var before = await FingerprintAsync(id);
        await using var scope = await ScopeAsAsync(user);
        var services = scope.ServiceProvider;

        var done = await CallAsync(operation, services, user, year, id);

        Assert.Equal(allowed, done);
        if (!allowed)
        {
            Assert.Equal(before, await FingerprintAsync(id)); // refused: nothing written
        }
    }

    [Fact]
    public void Matrix_CoversEveryPublicOperationOfTheFeatureServices()
    {
        Type[] services = [typeof(SubmissionEntryService), typeof(SubmissionHistoryService), typeof(ImportService), typeof(ReviewService), typeof(UserAdministrationService), typeof(RankingsService), typeof(ProfileService), typeof(MethodService)];
        var operations = services
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType.IsAssignableTo(typeof(Task)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet();

        // Each public operation and the matrix row that exercises it (ListCities and Enable share the admin-only
        // check of List and Disable; GetFilterOptions-like helpers would have to be added here).
        var covered = new Dictionary<string, string>
        {
            ["SubmissionEntryService.ListMineAsync"] = "entry.list-mine",
            ["SubmissionEntryService.OpenAsync"] = "entry.open",
            ["SubmissionEntryService.SaveValueAsync"] = "entry.save-value",
            ["SubmissionEntryService.SubmitAsync"] = "entry.submit",
            ["SubmissionEntryService.ChangedLastByMeAsync"] = "entry.changed-last-by-me",
            ["SubmissionHistoryService.GetAsync"] = "history.get",
            ["ImportService.TemplateAsync"] = "import.template",
            ["ImportService.PreviewAsync"] = "import.preview",
            ["ImportService.ApplyAsync"] = "import.apply",
            ["ReviewService.GetQueueAsync"] = "review.queue",
            ["ReviewService.GetAsync"] = "review.get",
            ["ReviewService.ApproveAsync"] = "review.approve",
            ["ReviewService.ReturnAsync"] = "review.return",
            ["ReviewService.ReopenAsync"] = "review.reopen",
            ["UserAdministrationService.ListAsync"] = "users.list",
            ["UserAdministrationService.ListCitiesAsync"] = "users.list",
            ["UserAdministrationService.CreateAsync"] = "users.create",
            ["UserAdministrationService.UpdateAsync"] = "users.update",
            ["UserAdministrationService.DisableAsync"] = "users.disable",
            ["UserAdministrationService.EnableAsync"] = "users.disable",
            ["UserAdministrationService.ResetTwoFactorAsync"] = "users.reset-two-factor",
            ["RankingsService.GetAsync"] = "rankings.get",
            ["ProfileService.GetAsync"] = "rankings.profile",
            ["MethodService.GetAsync"] = "rankings.method",
        };

        Assert.Empty(operations.Except(covered.Keys));
        var rows = Matrix().Select(r => (string)r[0]).ToHashSet();
        Assert.Empty(covered.Values.Except(rows));
    }


    private static async Task<bool> CallAsync(string operation, IServiceProvider services, string user, int year, int id)
    {
        T Get<T>() where T : notnull => services.GetRequiredService<T>();
        switch (operation)
        {
            case "entry.list-mine":
                return (await Get<SubmissionEntryService>().ListMineAsync()).Any(r => r.CityCode == City);
            case "entry.open":
                return await Get<SubmissionEntryService>().OpenAsync(City, year) is not null;
            case "entry.save-value":
            {
                // The row as Hangzhou's own form has it; a caller who may not open the form could only forge it.
                var row = await HangzhouRowAsync(services, year);
                row.Text = "61.5";
                return await Get<SubmissionEntryService>().SaveValueAsync(id, row) is SaveResult.Saved;
            }

            case "entry.submit":
                return await Get<SubmissionEntryService>().SubmitAsync(id) is not null;
            case "entry.changed-last-by-me":
                return await Get<SubmissionEntryService>().ChangedLastByMeAsync(id, ["INF01"]) is not null;
            case "rankings.get":
            {
                // Everyone signed in sees the published rankings (once the start-up runs are done); only an
                // official's own cities are marked as theirs.
                await ScoreRuns.DoneAsync(services);
                var rankings = await Get<RankingsService>().GetAsync(year - 1);
                var mine = (rankings?.Rows ?? []).Where(r => r.Mine).Select(r => r.Code).ToList();
                Assert.True(user switch { Hz => mine.SequenceEqual([City]), Other => mine.Count > 0 && !mine.Contains(City), _ => mine.Count == 0 }, string.Join(",", mine));
                return rankings is { Rows.Count: > 0 };
            }
            case "rankings.profile":
                await ScoreRuns.DoneAsync(services);
                return await Get<ProfileService>().GetAsync(City, year - 1) is { Code: City };
            case "rankings.method":
                await ScoreRuns.DoneAsync(services);
                return await Get<MethodService>().GetAsync(year - 1) is { CityCount: > 0 };
            case "history.get":
                return await Get<SubmissionHistoryService>().GetAsync(City, year, indicator: null) is not null;
            case "import.template":
                return await Get<ImportService>().TemplateAsync(City, year, xlsx: false) is not null;
            case "import.preview":
                return await Get<ImportService>().PreviewAsync(City, year, await ChangedTemplateAsync(services, year), "hangzhou.csv") is not null;
            case "import.apply":
            {
                var preview = await HangzhouPreviewAsync(services, year);
                Assert.True(preview.CanApply, string.Join("; ", preview.Problems.Select(p => p.Key)));
                return await Get<ImportService>().ApplyAsync(preview);
            }

            case "review.queue":
                return await Get<ReviewService>().GetQueueAsync(new ReviewQueueFilter()) is not null;
            case "review.get":
                return await Get<ReviewService>().GetAsync(id) is not null;
            case "review.approve":
                return await Get<ReviewService>().ApproveAsync(id, await StampAsync(services, id)) == ReviewOutcome.Done;
            case "review.return":
                return await Get<ReviewService>().ReturnAsync(id, await StampAsync(services, id), "Please check INF01.") == ReviewOutcome.Done;
            case "review.reopen":
                return await Get<ReviewService>().ReopenAsync(id, await StampAsync(services, id), "A figure was corrected by the bureau.") == ReviewOutcome.Done;
        }

        var caller = await Get<CurrentUser>().GetAsync();
        var users = Get<UserAdministrationService>();
        try
        {
            switch (operation)
            {
                case "users.list":
                    return (await users.ListAsync(caller)).Count > 0 && (await users.ListCitiesAsync(caller)).Count > 0;
                case "users.create":
                    return (await users.CreateAsync(caller, new NewUser($"new.{Guid.NewGuid():N}@sci.demo", "New evaluator", PortalRoles.Evaluator, [], "violet anchor meadow 1987"))).Succeeded;
                case "users.update":
                    return (await users.UpdateAsync(caller, await UserIdAsync(services, Ev), new UserChange("Evaluator (demo)", PortalRoles.Evaluator, []))).Succeeded;
                case "users.reset-two-factor":
                    return (await users.ResetTwoFactorAsync(caller, await UserIdAsync(services, Ev))).Succeeded;
                case "users.disable":
                    var target = await UserIdAsync(services, Ev);
                    return (await users.DisableAsync(caller, target)).Succeeded && (await users.EnableAsync(caller, target)).Succeeded;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, "not in the matrix");
            }
        }
        catch (UnauthorizedAccessException)
        {
            Assert.NotEqual(Ad, user);
            return false;
        }
    }

    /// <summary>Hangzhou's open-year submission, reset to <paramref name="status"/> with no values.</summary>
    private async Task<(int Year, int Id)> StartAsync(SubmissionStatus status)
    {
        var database = portal.Factory.Database;
        var year = await SeededServices.StartFreshAsync(database, City);
        await using var context = database.CreateContext();
        var city = await context.Cities.SingleAsync(c => c.Code == City);
        var period = await context.ReportingPeriods.SingleAsync(p => p.Year == year && p.Status == PeriodStatus.Open);
        var now = DateTime.UtcNow;
        var submission = new Submission(city.Id, period.Id, now);
        if (status != SubmissionStatus.Draft)
        {
            submission.Submit(Hz, now);
        }

        if (status == SubmissionStatus.Approved)
        {
            submission.Approve(Ev, now);
        }

        context.Submissions.Add(submission);
        await context.SaveChangesAsync();
        return (year, submission.Id);
    }

    /// <summary>What a write would change: the submission's stamp, status and values, and the number of accounts.</summary>
    private async Task<string> FingerprintAsync(int id)
    {
        await using var context = portal.Factory.Database.CreateContext();
        var submission = await context.Submissions.AsNoTracking().Include(s => s.Values).SingleAsync(s => s.Id == id);
        var users = await context.Users.CountAsync();
        var disabled = await context.Users.CountAsync(u => u.IsDisabled);
        var values = string.Join(";", submission.Values.OrderBy(v => v.IndicatorId).Select(v => $"{v.IndicatorId}={v.Value}"));
        return $"{submission.ConcurrencyStamp}|{submission.Status}|{values}|{users}|{disabled}";
    }

    /// <summary>A scope of the portal's own container, signed in as <paramref name="email"/> the way a circuit is.</summary>
    private Task<AsyncServiceScope> ScopeAsAsync(string email) => SignedInScope.CreateAsync(portal.Factory.Services, email);

    private static async Task<string> UserIdAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;

    private static async Task<Guid> StampAsync(IServiceProvider services, int id)
    {
        await using var context = await services.GetRequiredService<IDbContextFactory<SmartCityIndex.Infrastructure.Persistence.SmartCityIndexDbContext>>().CreateDbContextAsync();
        return await context.Submissions.Where(s => s.Id == id).Select(s => s.ConcurrencyStamp).SingleAsync();
    }

    /// <summary>Runs <paramref name="action"/> as Hangzhou's official, in a scope of its own.</summary>
    private static async Task<T> AsHangzhouAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await SignedInScope.CreateAsync(services, Hz);
        return await action(scope.ServiceProvider);
    }

    private static Task<EntryRow> HangzhouRowAsync(IServiceProvider services, int year) => AsHangzhouAsync(services, async s =>
        (await s.GetRequiredService<SubmissionEntryService>().OpenAsync(City, year))!.Rows.Single(r => r.Indicator.Code == "INF01"));

    /// <summary>Hangzhou's CSV template with INF01 filled in.</summary>
    private static Task<byte[]> ChangedTemplateAsync(IServiceProvider services, int year) => AsHangzhouAsync(services, async s =>
    {
        var template = (await s.GetRequiredService<ImportService>().TemplateAsync(City, year, xlsx: false))!.Value;
        var lines = Encoding.UTF8.GetString(template.Content).TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split(',');
        var valueColumn = Array.IndexOf(header, "value");
        var changed = lines.Select(line =>
        {
            if (!line.StartsWith("INF01,", StringComparison.Ordinal))
            {
                return line;
            }

            var cells = line.Split(',');
            cells[valueColumn] = "61.5";
            return string.Join(',', cells);
        });
        return Encoding.UTF8.GetBytes(string.Join('\n', changed));
    });

    private static Task<ImportPreview> HangzhouPreviewAsync(IServiceProvider services, int year) => AsHangzhouAsync(services, async s =>
        (await s.GetRequiredService<ImportService>().PreviewAsync(City, year, await ChangedTemplateAsync(services, year), "hangzhou.csv"))!);
}
