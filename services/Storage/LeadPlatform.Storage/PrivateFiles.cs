using System.Runtime.InteropServices;

namespace LeadPlatform.Storage;

/// <summary>
/// Files that hold personal data or keys are readable by the service's own user only: folders 0700, files 0600. The
/// process's umask is set to 077 once, so that files a library creates on its own (LiteDB's log file) are private too.
/// No-ops on Windows, where the folder's ACL decides.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static int _umaskSet;

    /// <summary>Sets the process's umask to 077 (once).</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _umaskSet, 1) == 1) return;
        try
        {
            _ = umask(0b000_111_111);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not a libc platform: the explicit modes below still apply.
        }
    }

    /// <summary>Creates the folder (and its parents) 0700, or makes an existing one 0700.</summary>
    public static string CreateFolder(string path)
    {
        RestrictNewFiles();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        Directory.CreateDirectory(path, FolderMode);
        if ((File.GetUnixFileMode(path) & ~FolderMode) != 0) File.SetUnixFileMode(path, FolderMode);
        return path;
    }

    /// <summary>Makes an existing file 0600 (files written before this version may be 0644).</summary>
    public static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file)) return;
        if ((File.GetUnixFileMode(file) & ~FileMode) != 0) File.SetUnixFileMode(file, FileMode);
    }

    /// <summary>Options for a new file created 0600.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode = System.IO.FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return options;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int umask(int mask);
}
