using Microsoft.EntityFrameworkCore.Storage;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>User transactions under the database's execution strategy, the one way the portal writes in a transaction.</summary>
public static class ContextFactoryTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> on a fresh context in a transaction that it commits itself, under the execution
    /// strategy: on PostgreSQL a dropped connection runs it again from the start, on a fresh context, so nothing is
    /// half-written and nothing tracked from the failed attempt is written twice.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this IDbContextFactory<SmartCityIndexDbContext> contexts,
        Func<SmartCityIndexDbContext, IDbContextTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var strategyContext = await contexts.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            return await work(context, transaction);
        });
    }
}
