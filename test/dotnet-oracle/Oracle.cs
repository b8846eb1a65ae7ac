// The .NET oracle for provex's differential tests (test/dotnet/differential.test.ts).
//
// Reads one case per line on stdin: tab-separated fields, the first naming the operation. Every field is
// escaped so that any UTF-16 string survives the trip: "\\" for a backslash, "\t" "\n" "\r", and "\uXXXX"
// for every code unit outside printable ASCII (lone surrogates included). Prints one line per case:
// "ok<TAB>field…" or "err<TAB>ExceptionTypeName".
//
// Build and run (Debian: apt-get install -y mono-mcs):
//   mcs -out:oracle.exe Oracle.cs && TZ=UTC mono oracle.exe < cases.tsv
using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

public static class Oracle
{
    public static void Main()
    {
        var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        stdout.NewLine = "\n";
        string line;
        while ((line = stdin.ReadLine()) != null)
        {
            string[] raw = line.Split('\t');
            string[] f = new string[raw.Length];
            for (int i = 0; i < raw.Length; i++) f[i] = Unescape(raw[i]);
            string answer;
            try
            {
                answer = "ok\t" + Run(f);
            }
            catch (Exception e)
            {
                answer = "err\t" + e.GetType().Name;
            }
            stdout.WriteLine(answer);
        }
        stdout.Flush();
    }

    static string Run(string[] f)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        switch (f[0])
        {
            case "format":
            {
                // ticks, kind (utc|local|unspecified), format
                var dt = new DateTime(long.Parse(f[1]), Kind(f[2]));
                return Escape(dt.ToString(f[3], inv));
            }
            case "exact":
            {
                // text, format, styles (DateTimeStyles as an integer)
                var dt = DateTime.ParseExact(f[1], f[2], inv, (DateTimeStyles)int.Parse(f[3]));
                return dt.Ticks + "\t" + dt.Kind.ToString().ToLowerInvariant();
            }
            case "parse":
            {
                var dt = DateTime.Parse(f[1], inv, DateTimeStyles.AdjustToUniversal);
                return dt.Ticks.ToString();
            }
            case "replace":
                return Escape(Regex.Replace(f[1], f[2], f[3]));
            case "ismatch":
                return Regex.IsMatch(f[1], f[2]) ? "True" : "False";
            case "title":
                return Escape(inv.TextInfo.ToTitleCase(f[1]));
            case "upper":
                return Escape(f[2].ToUpper(f[1] == "" ? inv : CultureInfo.GetCultureInfo(f[1])));
            case "lower":
                return Escape(f[2].ToLower(f[1] == "" ? inv : CultureInfo.GetCultureInfo(f[1])));
            case "base64":
                return Convert.ToBase64String(Encoding.Unicode.GetBytes(f[1]));
            case "frombase64":
            {
                // encoding name (Unicode|UTF8|ASCII), base64 text
                byte[] bytes = Convert.FromBase64String(f[2]);
                Encoding e = f[1] == "UTF8" ? Encoding.UTF8 : f[1] == "ASCII" ? Encoding.ASCII : Encoding.Unicode;
                return Escape(e.GetString(bytes));
            }
            case "utf8hex":
                return BitConverter.ToString(Encoding.UTF8.GetBytes(f[1])).Replace("-", "");
            case "datediff":
                return DateDiff(f[1], new DateTime(long.Parse(f[2])), new DateTime(long.Parse(f[3]))).ToString();
            case "dateadd":
                return DateAdd(f[1], int.Parse(f[2]), new DateTime(long.Parse(f[3]))).Ticks.ToString();
            default:
                throw new ArgumentException("unknown operation " + f[0]);
        }
    }

    static DateTimeKind Kind(string name)
    {
        return name == "utc" ? DateTimeKind.Utc : name == "local" ? DateTimeKind.Local : DateTimeKind.Unspecified;
    }

    // Microsoft.VisualBasic.DateAndTime.DateDiff is not in Mono's Debian packages, so its rules are
    // restated here with plain .NET (from the VB runtime's source): Fix of the TimeSpan totals for
    // d/y/h/n/s, whole days \ 7 for w, both dates moved back to the Saturday before them for ww, and calendar
    // fields subtracted for m/q/yyyy.
    static long DateDiff(string interval, DateTime d1, DateTime d2)
    {
        TimeSpan tm = d2.Subtract(d1);
        switch (interval)
        {
            case "yyyy": return d2.Year - d1.Year;
            case "q": return (d2.Year - d1.Year) * 4 + (d2.Month - 1) / 3 - (d1.Month - 1) / 3;
            case "m": return (d2.Year - d1.Year) * 12 + d2.Month - d1.Month;
            case "d": case "y": return tm.Ticks / TimeSpan.TicksPerDay;
            case "h": return tm.Ticks / TimeSpan.TicksPerHour;
            case "n": return tm.Ticks / TimeSpan.TicksPerMinute;
            case "s": return tm.Ticks / TimeSpan.TicksPerSecond;
            case "w": return (tm.Ticks / TimeSpan.TicksPerDay) / 7;
            case "ww":
            {
                // VB's GetDayOfWeek is 1-based (Sunday = 1), so each date moves back 1-7 days.
                DateTime s1 = d1.AddDays(-((int)d1.DayOfWeek + 1));
                DateTime s2 = d2.AddDays(-((int)d2.DayOfWeek + 1));
                return (s2.Subtract(s1).Ticks / TimeSpan.TicksPerDay) / 7;
            }
            default: throw new ArgumentException(interval);
        }
    }

    // Microsoft.VisualBasic.DateAndTime.DateAdd, restated: AddYears/AddMonths (clamping), AddDays for
    // y d w, weeks as 7 days, and AddHours/AddMinutes/AddSeconds.
    static DateTime DateAdd(string interval, int n, DateTime d)
    {
        switch (interval)
        {
            case "yyyy": return d.AddYears(n);
            case "q": return d.AddMonths(n * 3);
            case "m": return d.AddMonths(n);
            case "y": case "d": case "w": return d.AddDays(n);
            case "ww": return d.AddDays(n * 7.0);
            case "h": return d.AddHours(n);
            case "n": return d.AddMinutes(n);
            case "s": return d.AddSeconds(n);
            default: throw new ArgumentException(interval);
        }
    }

    static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length) { sb.Append(c); continue; }
            char n = s[++i];
            switch (n)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'u':
                    sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: sb.Append(n); break;
            }
        }
        return sb.ToString();
    }

    static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c == '\\') sb.Append("\\\\");
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
