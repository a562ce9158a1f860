using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CastTools.Render.Tests.Video;

/// <summary>What the real ffprobe says about a video file: stream format and every decoded frame's timestamp.</summary>
internal sealed record FfprobeResult(string CodecName, string PixelFormat, int Width, int Height, double Duration, double[] FrameTimes)
{
    public static FfprobeResult Probe(string path)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            "-v", "error", "-select_streams", "v:0", "-show_entries",
            "stream=codec_name,pix_fmt,width,height:format=duration:frame=pts_time", "-of", "json", path,
        })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffprobe failed: {error.Result}");

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement stream = root.GetProperty("streams")[0];
        var times = new List<double>();
        foreach (JsonElement frame in root.GetProperty("frames").EnumerateArray())
        {
            times.Add(double.Parse(frame.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture));
        }

        return new FfprobeResult(
            stream.GetProperty("codec_name").GetString()!,
            stream.GetProperty("pix_fmt").GetString()!,
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            double.Parse(root.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            [.. times]);
    }

    /// <summary>Decodes the frame shown at <paramref name="seconds"/> to BGRA pixels with the real ffmpeg.</summary>
    public static byte[] DecodeFrameAt(string path, double seconds, int width, int height)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            // A constant 1000 fps view of the video (each frame repeated while it is shown) makes -ss pick the frame
            // on screen at that moment, not the next one to start.
            "-v", "error", "-nostdin", "-i", path, "-vf", "fps=1000", "-ss", seconds.ToString("0.000", CultureInfo.InvariantCulture),
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgra", "pipe:1",
        })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg decode failed: {error.Result}");
        Assert.Equal(width * height * 4, buffer.Length);
        return buffer.ToArray();
    }
}
