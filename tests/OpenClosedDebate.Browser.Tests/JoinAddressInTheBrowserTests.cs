namespace OpenClosedDebate.Browser.Tests;

using System.Net.Sockets;
using Microsoft.Playwright;
using OpenClosedDebate.Server.Network;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// A laptop runs the server on the classroom network, and the instructor opens the console and the projector on
/// localhost: students are shown, and the QR code carries, the laptop's network address, which their phones reach.
/// </summary>
public sealed class JoinAddressInTheBrowserTests(Chromium chrome, NetworkWebServer server) : IClassFixture<Chromium>, IClassFixture<NetworkWebServer>
{
    [Fact]
    public async Task A_console_opened_on_localhost_warns_and_the_projector_and_its_QR_code_show_the_network_address_a_phone_joins_at()
    {
        Assert.StartsWith("http://localhost:", server.BaseUrl, StringComparison.Ordinal);
        var lan = new LocalNetwork().Reachable.Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        Assert.True(lan is not null, "This test needs a machine with a network address.");
        var host = $"{lan}:{new Uri(server.BaseUrl).Port}";

        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Phones join at the laptop's network address.");
        await Expect(console.Page.Locator(".join-info__host")).ToHaveTextAsync(host);
        await Expect(console.Page.Locator(".notice--warning")).ToContainTextAsync("localhost won't work on phones.");
        await Expect(console.Page.Locator(".join-info__link a")).ToHaveTextAsync($"http://{host}/j/{code}");
        Assert.Equal($"http://{host}/j/{code}", await DecodeQrAsync(console.Page.Locator(".join-info img.qr")));
        await Screenshots.TakeAsync(console.Page, "join-address-console-localhost-1366x768", fullPage: false);

        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await Expect(projector.Locator(".projector__host")).ToHaveTextAsync(host);
        Assert.Equal($"http://{host}/j/{code}", await DecodeQrAsync(projector.Locator(".join-corner__qr")));
        Assert.Empty(await ScreenFit.SettledProblemsAsync(projector, ScreenFit.Rules.Projector(Chromium.Projector)));
        await Screenshots.TakeAsync(projector, "join-address-projector-lobby-1920x1080");

        var small = new ViewportSize { Width = 1280, Height = 720 };
        await projector.SetViewportSizeAsync(small.Width, small.Height);
        Assert.Equal($"http://{host}/j/{code}", await DecodeQrAsync(projector.Locator(".join-corner__qr")));
        Assert.Empty(await ScreenFit.SettledProblemsAsync(projector, ScreenFit.Rules.Projector(small)));
        await Screenshots.TakeAsync(projector, "join-address-projector-lobby-1280x720");

        // A phone follows the QR code to the network address: the host filter lets it in and the code is filled in.
        var phone = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await phone.GotoAsync($"http://{host}/j/{code}");
        await Expect(phone.GetByLabel("Join code", new() { Exact = true })).ToHaveValueAsync(code);
        await phone.GetByLabel("Your name", new() { Exact = true }).FillAsync("Wren");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(phone.Locator(".lobby h2")).ToHaveTextAsync("You're in!");
        await Expect(projector.Locator(".projector__joined-total")).ToHaveTextAsync("1 student has joined");
    }

    /// <summary>The text of the QR code in an image, read by ZXing from the pixels the browser drew.</summary>
    private static async Task<string?> DecodeQrAsync(ILocator image)
    {
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        var pixels = await image.EvaluateAsync<int[]>(
            """
            img => {
              const size = 330;
              const canvas = document.createElement('canvas');
              canvas.width = canvas.height = size;
              const context = canvas.getContext('2d');
              context.imageSmoothingEnabled = false;
              context.drawImage(img, 0, 0, size, size);
              const rgba = context.getImageData(0, 0, size, size).data;
              return Array.from({ length: size * size }, (_, i) => rgba[i * 4]);
            }
            """);
        var side = (int)Math.Sqrt(pixels.Length);
        var gray = pixels.Select(p => (byte)p).ToArray();
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, side, side, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })?.Text;
    }
}
