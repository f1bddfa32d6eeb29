namespace LeadPlatform.FollowUp.Channels;

/// <summary>Where the file channels write: <c>email/{outreachId}.eml</c> and <c>sms/{outreachId}.json</c>.</summary>
public sealed record OutboxFolder(string Path)
{
    /// <summary>
    /// Removes the copies the file channels wrote for these outreach ids (each <c>.eml</c> and <c>.json</c>): on erasure
    /// the folder keeps nothing of the person. Returns how many files went.
    /// </summary>
    public int DeleteCopiesOf(IEnumerable<Guid> outreachIds)
    {
        var deleted = 0;
        foreach (var id in outreachIds)
        {
            foreach (var path in new[] { FileFor("email", id, "eml"), FileFor("sms", id, "json") })
            {
                if (!File.Exists(path)) continue;
                File.Delete(path);
                deleted++;
            }
        }
        return deleted;
    }

    /// <summary>
    /// Deletes the temporary files of writes that a crash cut short (<c>{outreachId}.eml.{guid}.tmp</c>): those last written
    /// before <paramref name="writtenBefore"/> (this host being started: none of its own writes can be among them; the folder
    /// belongs to one follow-up process, as its LiteDB file does).
    /// The interrupted delivery itself is resumed under the same OutreachId when its event is delivered again. Returns
    /// how many went.
    /// </summary>
    public int DeleteOrphanedWrites(DateTime writtenBefore)
    {
        var deleted = 0;
        foreach (var channel in new[] { "email", "sms" })
        {
            var folder = System.IO.Path.Combine(Path, channel);
            if (!Directory.Exists(folder)) continue;
            foreach (var orphan in Directory.EnumerateFiles(folder, "*.tmp"))
            {
                try
                {
                    if (File.GetLastWriteTimeUtc(orphan) >= writtenBefore) continue;
                    File.Delete(orphan);
                    deleted++;
                }
                catch (IOException)
                {
                    // Gone meanwhile.
                }
            }
        }
        return deleted;
    }

    public string FileFor(string channel, Guid outreachId, string extension) =>
        System.IO.Path.Combine(Path, channel, $"{outreachId:D}.{extension}");

    /// <summary>
    /// Writes the file once: if it exists (the same OutreachId was delivered before) nothing is written and false comes
    /// back. Written to a temporary name and moved into place, so a reader never sees half a message.
    /// </summary>
    public static async Task<bool> WriteOnceAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) return false;
        // The outbox holds people's addresses and messages: its folders 0700, its files 0600.
        LeadPlatform.Storage.PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, LeadPlatform.Storage.PrivateFiles.NewFile()))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
