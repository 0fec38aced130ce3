namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>Debian's Chromium, driven by Playwright. One browser per test class; each person gets their own context.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };

    public static ViewportSize Laptop { get; } = new() { Width = 1366, Height = 768 };

    public static ViewportSize Projector { get; } = new() { Width = 1920, Height = 1080 };

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ExecutablePath}. Run tests/install-browser (tests/run does this).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context: its own cookies and storage, like a separate device. It asks for reduced
    /// motion unless <paramref name="motion"/> is set, so screenshots show the final picture.
    /// </summary>
    public async Task<IPage> OpenAsync(ViewportSize viewport, bool phone = false, bool motion = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-GB",

            ReducedMotion = motion ? ReducedMotion.NoPreference : ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // Any dialog other than a confirm we expect is a failure: an injected script would open one.
        page.Dialog += async (_, dialog) =>
        {
            if (dialog.Type == DialogType.Confirm)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                ScriptDialogs.Add($"{dialog.Type}: {dialog.Message}");
                await dialog.DismissAsync();
            }
        };
        return page;
    }

    /// <summary>Alerts and prompts that opened during the test; injected script would show up here.</summary>
    public List<string> ScriptDialogs { get; } = [];

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
