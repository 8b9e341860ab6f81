using System.Globalization;
using System.Text.Json;

namespace Cooperative.Api.Audit;

/// <summary>The chain's head at a moment, signed with the audit key.</summary>
public sealed record AuditCheckpoint(long Seq, string Hash, DateTime AtUtc, string? KeyId, string Mac);

/// <summary>
/// The chain's head, checkpointed and signed after every seal and written outside the database: one JSON line
/// appended to <c>Audit:CheckpointFile</c> (default <c>Cooperative/audit-checkpoints.jsonl</c> in the user's local data folder, beside the embedded database), a
/// file an auditor can copy at any time. Whoever rewrites the chain in the database, or cuts its tail and moves its
/// head back, cannot make it agree with a checkpoint written before: verification names the last good one.
/// </summary>
public sealed class AuditCheckpoints(IConfiguration config, AuditKeys keys)
{
    private static readonly Lock Writing = new();

    public string FilePath => config["Audit:CheckpointFile"] is { Length: > 0 } path
        ? path
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "Cooperative", "audit-checkpoints.jsonl");

    public static string SignedText(long seq, string hash, DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{seq}|{hash}|{atUtc:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

    public AuditCheckpoint Append(long seq, string hash, DateTime atUtc)
    {
        var checkpoint = new AuditCheckpoint(seq, hash, atUtc, keys.CurrentId, keys.Mac(keys.CurrentId, SignedText(seq, hash, atUtc)));
        var line = JsonSerializer.Serialize(checkpoint, JsonSerializerOptions.Web) + "\n";
        lock (Writing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
            File.AppendAllText(FilePath, line);
        }
        return checkpoint;
    }

    /// <summary>Every checkpoint in the file, each with whether its signature holds.</summary>
    public IReadOnlyList<(AuditCheckpoint Checkpoint, bool Signed)> ReadAll()
    {
        if (!File.Exists(FilePath)) return [];
        var all = new List<(AuditCheckpoint, bool)>();
        foreach (var line in File.ReadLines(FilePath).Where(l => l.Length > 0))
        {
            AuditCheckpoint? checkpoint;
            try { checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(line, JsonSerializerOptions.Web); }
            catch (JsonException) { continue; }
            if (checkpoint is null) continue;
            var valid = (checkpoint.KeyId is null || keys.Knows(checkpoint.KeyId))
                        && keys.Mac(checkpoint.KeyId, SignedText(checkpoint.Seq, checkpoint.Hash, checkpoint.AtUtc)) == checkpoint.Mac;
            all.Add((checkpoint, valid));
        }
        return all;
    }

    public AuditCheckpoint? Latest() => ReadAll().Where(c => c.Signed).Select(c => c.Checkpoint).MaxBy(c => c.Seq);
}
