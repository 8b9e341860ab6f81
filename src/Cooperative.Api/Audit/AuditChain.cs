using System.Globalization;
using System.Text.Json;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Audit;

public sealed record ChainBreak(long? Seq, long RecordId, string Reason);

/// <param name="LastGoodCheckpoint">The newest signed checkpoint outside the database that the chain still agrees with.</param>
public sealed record ChainVerification(long Verified, long Unsealed, bool Intact, ChainBreak? FirstBroken, double Seconds,
    int Checkpoints = 0, AuditCheckpoint? LastGoodCheckpoint = null);

/// <summary>
/// The tamper-evident audit trail. Writers append records without waiting for one another; the sealer then
/// chains them in order, each hash an HMAC under a key the database does not hold and covering the previous one,
/// so that a sealed record changed, inserted or deleted in the database breaks the chain at that record even for
/// someone who recomputes every hash after it; and after every seal the head is checkpointed, signed, outside the
/// database, so that a tail cut off with the head moved back is found too. Only the few seconds between a write
/// and its sealing are unguarded.
/// </summary>
public sealed class AuditChain(CooperativeDbContext db, AuditKeys keys, AuditCheckpoints checkpoints, AuditSealerState sealer,
    IConfiguration config, TimeProvider clock, ILogger<AuditChain> log)
{
    private const int Batch = 5000;

    private TimeSpan LeaseTime => TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Audit:SealerLeaseSeconds", 10.0)));

    /// <summary>
    /// Seals every record not yet in the chain, now (a disclosure being prepared, an administrator): under the sealer's
    /// lease when it is free or this instance's; when another instance holds it, waits until that one has sealed what
    /// is pending now (or its lease lapses and this one takes over). Returns how many this instance sealed.
    /// </summary>
    public async Task<int> SealPendingAsync(CancellationToken ct)
    {
        var upTo = await db.AuditRecords.Where(r => r.Seq == null).MaxAsync(r => (long?)r.Id, ct);
        var deadline = clock.GetUtcNow() + 3 * LeaseTime;
        while (true)
        {
            if (await SealAsLeaseHolderAsync(ct) is { } count) return count;
            if (upTo is null || !await db.AuditRecords.AnyAsync(r => r.Seq == null && r.Id <= upTo, ct)) return 0;
            if (clock.GetUtcNow() > deadline)
            {
                log.LogWarning("Another instance holds the audit sealer's lease and has not sealed the pending records in {Seconds} s.",
                    (3 * LeaseTime).TotalSeconds);
                return 0;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    /// <summary>
    /// Seals every record not yet in the chain if this instance holds the sealer's lease (taking it when it is free or
    /// has lapsed), each batch and the lease's renewal and the head's move in one transaction; null when another
    /// instance holds the lease. A head found behind the records already sealed is moved up to them only when they
    /// continue it (each hash checked under the key); otherwise sealing stops and says why, and the chain is left as
    /// it is, verifiable, instead of failing on a duplicate position every few seconds.
    /// </summary>
    public async Task<int?> SealAsLeaseHolderAsync(CancellationToken ct)
    {
        var sealedCount = 0;
        await EnsureHeadAsync(ct);
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await HoldLeaseAsync(ct))
            {
                await transaction.RollbackAsync(ct);
                sealer.Sealed(holder: false, clock.GetUtcNow().UtcDateTime);
                return sealedCount > 0 ? sealedCount : null;
            }
            var head = await LockHeadAsync(ct);
            if (await db.AuditRecords.MaxAsync(r => r.Seq, ct) is { } last && last > head.Seq && !await CatchUpAsync(head, last, ct))
            {
                await transaction.CommitAsync(ct); // the lease's renewal: this instance still decides, and still refuses
                return sealedCount;
            }
            var pending = await db.AuditRecords.AsNoTracking().Where(r => r.Seq == null).OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            var seals = new List<(long Id, long Seq, string Hash)>(pending.Count);
            foreach (var record in pending)
            {
                var seq = head.Seq + 1;
                var hash = HashOf(record, seq, head.Hash, keys.CurrentId);
                seals.Add((record.Id, seq, hash));
                head.Seq = seq;
                head.Hash = hash;
            }
            await WriteSealsAsync(seals, keys.CurrentId, ct);
            await db.SaveChangesAsync(ct); // the head
            await transaction.CommitAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (pending.Count > 0) checkpoints.Append(head.Seq, head.Hash, now);
            sealer.Sealed(holder: true, now);
            db.ChangeTracker.Clear();
            sealedCount += pending.Count;
            if (pending.Count < Batch) return sealedCount;
        }
    }

    /// <summary>
    /// Renews this instance's lease, or takes it when it has lapsed; false while another instance holds it. Times are
    /// the database's own clock, so that instances whose clocks differ (or a test's fixed clock) agree on when it lapses.
    /// </summary>
    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        var me = sealer.Instance;
        var seconds = LeaseTime.TotalSeconds;
        var micros = (long)(seconds * 1_000_000);
        var modifier = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+{seconds:0.###} seconds");
        var held = db.Database.IsMySql()
            ? await db.Database.ExecuteSqlAsync($"""
                UPDATE audit_sealer_leases SET `Holder` = {me}, `ExpiresUtc` = TIMESTAMPADD(MICROSECOND, {micros}, UTC_TIMESTAMP(6))
                WHERE `Id` = 1 AND (`Holder` = {me} OR `ExpiresUtc` < UTC_TIMESTAMP(6))
                """, ct)
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE audit_sealer_leases SET Holder = {me}, ExpiresUtc = strftime('%Y-%m-%d %H:%M:%f', 'now', {modifier})
                WHERE Id = 1 AND (Holder = {me} OR ExpiresUtc < strftime('%Y-%m-%d %H:%M:%f', 'now'))
                """, ct);
        return held == 1;
    }

    /// <summary>
    /// Writes the seals of a batch: one UPDATE per <see cref="SealsPerStatement"/> records instead of one per record (each
    /// sealed claim is five or six records). Only unsealed records are touched, and every one must be.
    /// </summary>
    private async Task WriteSealsAsync(List<(long Id, long Seq, string Hash)> seals, string? keyId, CancellationToken ct)
    {
        foreach (var chunk in seals.Chunk(SealsPerStatement))
        {
            var sql = new System.Text.StringBuilder("UPDATE audit_records SET Seq = CASE Id");
            foreach (var (id, seq, _) in chunk) sql.Append(CultureInfo.InvariantCulture, $" WHEN {id} THEN {seq}");
            sql.Append(" END, Hash = CASE Id");
            // The hashes are this process's own hex digests: written as literals, checked to be nothing else.
            foreach (var (id, _, hash) in chunk)
                sql.Append(CultureInfo.InvariantCulture, $" WHEN {id} THEN '{(hash.All(char.IsAsciiHexDigit) ? hash : throw new InvalidOperationException("A seal is not a hex digest."))}'");
            sql.Append(" END, KeyId = {0} WHERE Seq IS NULL AND Id IN (").AppendJoin(',', chunk.Select(c => c.Id)).Append(')');
            var updated = await db.Database.ExecuteSqlRawAsync(sql.ToString(), [(object?)keyId ?? DBNull.Value], ct);
            if (updated != chunk.Length)
                throw new InvalidOperationException($"{chunk.Length - updated} of {chunk.Length} audit records to seal were no longer unsealed.");
        }
    }

    private const int SealsPerStatement = 500;

    /// <summary>Gives the lease up (a graceful stop), so that another instance takes over at once, not when it lapses.</summary>
    public async Task ReleaseLeaseAsync(CancellationToken ct)
    {
        var me = sealer.Instance;
        var lapsed = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.AuditSealerLeases.Where(l => l.Id == AuditSealerLease.SingletonId && l.Holder == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, lapsed), ct);
    }

    /// <summary>
    /// The head is behind records already sealed (a head restored from a backup, or moved back by hand): when those
    /// records continue the chain from the head, in order and each hash right under its key, the head moves up to
    /// them; otherwise sealing stops (false), logged once, until the chain is mended.
    /// </summary>
    private async Task<bool> CatchUpAsync(AuditChainHead head, long last, CancellationToken ct)
    {
        var from = head.Seq;
        var ahead = await db.AuditRecords.AsNoTracking().Where(r => r.Seq > from).OrderBy(r => r.Seq).ToListAsync(ct);
        var (seq, hash) = (head.Seq, head.Hash);
        foreach (var record in ahead)
        {
            var continues = record.Seq == seq + 1 && (record.KeyId is null || keys.Knows(record.KeyId))
                            && HashOf(record, seq + 1, hash, record.KeyId) == record.Hash;
            if (!continues)
            {
                var why = $"The audit chain's head is at {head.Seq} but records are sealed up to {last}, and the one at {seq + 1} " +
                          "(or after it) does not continue the chain: sealing has stopped, so that no record is sealed onto a broken " +
                          "chain; GET /api/audit/verify names the break.";
                if (sealer.Halt(why)) log.LogError("{Why}", why);
                return false;
            }
            (seq, hash) = (record.Seq!.Value, record.Hash!);
        }
        log.LogWarning("The audit chain's head was at {Head} behind {Count} sealed records that continue it; it is moved up to {Last}.",
            head.Seq, ahead.Count, seq);
        head.Seq = seq;
        head.Hash = hash;
        return true;
    }

    /// <summary>Walks the chain in order and names the first record that does not match (changed, or missing).</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        // The checkpoints first, then every read from one snapshot: a checkpoint is written after its seal commits, so
        // all it names is in the snapshot, and a seal committing meanwhile (the background sealer) is not half seen
        // (records read before it, the head after it), which reported a sound chain as cut.
        var signed = checkpoints.ReadAll();
        await using var snapshot = db.Database.IsMySql() && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
            : null;
        var unsealed = await db.AuditRecords.CountAsync(r => r.Seq == null, ct);
        var atCheckpoint = signed.Where(c => c.Signed).GroupBy(c => c.Checkpoint.Seq).ToDictionary(g => g.Key, g => g.Select(c => c.Checkpoint).ToList());
        AuditCheckpoint? lastGood = null;
        var keyed = false;
        var previousHash = AuditChainHead.GenesisHash;
        long expected = 1;
        while (true)
        {
            var from = expected;
            var batch = await db.AuditRecords.AsNoTracking().Where(r => r.Seq >= from).OrderBy(r => r.Seq).Take(Batch).ToListAsync(ct);
            foreach (var record in batch)
            {
                if (record.Seq != expected) return Broken(new ChainBreak(expected, record.Id, $"第 {expected} 条记录缺失（已被删除）"));
                if (record.KeyId is { } id && !keys.Knows(id))
                    return Broken(new ChainBreak(expected, record.Id, $"第 {expected} 条记录的密钥 {id} 未配置，无法验证"));
                if (record.KeyId is null && keyed)
                    return Broken(new ChainBreak(expected, record.Id, $"第 {expected} 条记录没有密钥标识却位于加密记录之后（已被改写）"));
                keyed |= record.KeyId is not null;
                if (HashOf(record, expected, previousHash, record.KeyId) != record.Hash)
                    return Broken(new ChainBreak(expected, record.Id, $"第 {expected} 条记录（编号 {record.Id}）内容与哈希不符（已被篡改或插入）"));
                if (atCheckpoint.TryGetValue(expected, out var marks))
                {
                    if (marks.Any(m => m.Hash != record.Hash))
                        return Broken(new ChainBreak(expected, record.Id, $"第 {expected} 条记录与库外检查点不符（链已被改写）"));
                    lastGood = marks[0];
                }
                previousHash = record.Hash!;
                expected++;
            }
            if (batch.Count < Batch) break;
        }
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is not null && (head.Seq != expected - 1 || head.Hash != previousHash))
            return Broken(new ChainBreak(head.Seq, 0, $"链尾记录与链头不符：链头为第 {head.Seq} 条，实际最后为第 {expected - 1} 条（末尾记录被删除）"));
        if (signed.Where(c => c.Signed).Select(c => c.Checkpoint).MaxBy(c => c.Seq) is { } newest && newest.Seq > expected - 1)
            return Broken(new ChainBreak(expected, 0,
                $"库外检查点记到第 {newest.Seq} 条（{newest.AtUtc:yyyy-MM-dd HH:mm:ss} UTC），库中只到第 {expected - 1} 条：其后的记录已被删除"));
        if (signed.FirstOrDefault(c => !c.Signed) is { Checkpoint: { } forged })
            return Broken(new ChainBreak(forged.Seq, 0, $"检查点文件中第 {forged.Seq} 条的签名无效（检查点文件被改动）"));
        return Result(expected - 1, true, null);

        ChainVerification Broken(ChainBreak b) => Result(expected - 1, false, b);
        ChainVerification Result(long verified, bool intact, ChainBreak? b) =>
            new(verified, unsealed, intact, b, (DateTime.UtcNow - started).TotalSeconds, signed.Count, lastGood);
    }

    public string HashOf(AuditRecord r, long seq, string previousHash, string? keyId)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            seq, r.Id, r.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture), r.Actor, r.ActorRole,
            r.EntityType, r.EntityId, r.Action, r.Before, r.After, r.CorrelationId, previousHash,
        });
        return keys.Mac(keyId, canonical);
    }

    /// <summary>
    /// The head's row, created once, in a statement of its own before any sealing transaction: an INSERT IGNORE that
    /// meets the row takes a shared lock on it, and two sealers (the background one and a disclosure being prepared)
    /// that each held one and then asked for the row FOR UPDATE deadlocked.
    /// </summary>
    private async Task EnsureHeadAsync(CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return;
        await db.Database.ExecuteSqlAsync(
            $"INSERT IGNORE INTO audit_chain_heads (`Id`, `Seq`, `Hash`) VALUES ({AuditChainHead.SingletonId}, 0, {AuditChainHead.GenesisHash})", ct);
    }

    private async Task<AuditChainHead> LockHeadAsync(CancellationToken ct)
    {
        if (db.Database.IsMySql())
            await db.Database.SqlQueryRaw<long>("SELECT `Seq` AS `Value` FROM audit_chain_heads WHERE `Id` = 1 FOR UPDATE").ToListAsync(ct);
        var head = await db.AuditChainHeads.SingleOrDefaultAsync(ct);
        if (head is null)
        {
            head = new AuditChainHead();
            db.AuditChainHeads.Add(head);
        }
        return head;
    }
}
