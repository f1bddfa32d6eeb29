using System.Text;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// Reads RFC 4180 CSV as spreadsheets and CRMs write it: quoted cells (with commas, quotes and line breaks inside), CRLF
/// or LF, a UTF-8 byte order mark; semicolons instead of commas when the header has more of them (European spreadsheets).
/// </summary>
public static class CsvTable
{
    /// <summary>The records, each with the line it starts on (1-based); blank lines are left out.</summary>
    public static List<(int Line, List<string> Cells)> Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            if (c == '"' && cell.Length == 0) { quoted = true; any = true; }
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); any = true; }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                End();
                line++;
                start = line;
            }
            else { cell.Append(c); any = true; }
        }
        End();
        return records;

        void End()
        {
            if (any || cell.Length > 0)
            {
                cells.Add(cell.ToString());
                if (cells.Exists(x => x.Trim().Length > 0)) records.Add((start, [.. cells]));
            }
            cells = [];
            cell.Clear();
            any = false;
        }
    }
}
