using LeadPlatform.Compliance;
namespace LeadPlatform.Compliance.Tests;
public sealed class Scratch(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Our treatment c.u.r.e.s spondylolysis")]
    [InlineData("It is F.D.A. approved and clinically\nproven, 95% success!")]
    [InlineData("This treatment is not FDA approved. There is no guarantee of results. It has not been proven. We cannot promise it will cure anything.")]
    [InlineData("No randomised controlled trials have shown that it is safe and effective.")]
    [InlineData("No more pain with our proven therapy")]
    [InlineData("Stem cells can heal your damaged spine and regenerate the disc. A real break-through, a mir\u200Bacle. It's a c u r e!")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ ＦＤＡ ａｐｐｒｏｖｅｄ, Сurеs (cyrillic), cùre, it is not only safe and effective")]
    public void Show(string text)
    {
        foreach (var v in ClaimRuleSet.LoadDefault().Screen(text))
        {
            output.WriteLine($"{v.Rule} '{v.Match}' @{v.Start}+{v.Length} check='{text.Substring(v.Start!.Value, v.Length!.Value)}'");
        }
        output.WriteLine("--");
    }
}
