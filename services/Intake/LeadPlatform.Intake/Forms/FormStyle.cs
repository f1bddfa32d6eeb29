namespace LeadPlatform.Intake.Forms;

/// <summary>The form pages' stylesheet (inline: the pages' policy allows inline styles, no other source).</summary>
internal static class FormStyle
{
    public const string Css = """
        :root{--ink:#1b1f24;--muted:#4a5260;--line:#8a94a3;--brand:#0a5c8a;--brand-dark:#074569;--error:#b3261e;--focus:#ffbf47;--bg:#fff}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.5;-webkit-text-size-adjust:100%}
        main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
        h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 .75rem}
        h2{font-size:1.2rem;margin:0 0 .5rem}
        p{margin:.5rem 0}
        a{color:var(--brand)}
        .note{color:var(--muted);font-size:.95rem;border-left:4px solid var(--line);padding-left:.75rem}
        .required-note{font-size:.95rem;color:var(--muted)}
        .languages ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;justify-content:flex-end}
        .languages a{display:inline-flex;align-items:center;min-height:44px;padding:0 .6rem;border-radius:.3rem;text-decoration:none}
        .languages a[aria-current]{font-weight:700;text-decoration:underline}
        fieldset{border:0;border-top:1px solid #d5dae1;margin:1.25rem 0 0;padding:.75rem 0 0;min-width:0}
        legend{font-size:1.2rem;font-weight:700;padding:0}
        fieldset.choices legend{font-size:1.05rem}
        .field{margin-top:1rem}
        label{display:inline-block;font-weight:600;margin-bottom:.25rem}
        .req{color:var(--error);font-weight:700;margin-left:.25rem}
        .hint{color:var(--muted);font-size:.95rem;margin:.1rem 0 .35rem}
        input:not([type=checkbox]),select,textarea{display:block;width:100%;min-height:48px;padding:.6rem .7rem;font:inherit;color:inherit;background:#fff;border:2px solid var(--line);border-radius:.35rem}
        textarea{min-height:7rem;resize:vertical;font-family:inherit}
        input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid var(--focus);outline-offset:2px}
        .check{display:flex;gap:.75rem;align-items:flex-start;font-weight:400;min-height:44px;padding:.5rem 0;cursor:pointer}
        .check input{flex:none;width:28px;height:28px;margin:0;accent-color:var(--brand)}
        .consent .check span{font-size:.95rem}
        .error{color:var(--error);font-weight:700;margin:.25rem 0}
        .has-error>input,.has-error>select,.has-error>textarea,[aria-invalid=true]{border-color:var(--error)}
        .field.has-error,fieldset.has-error{border-left:4px solid var(--error);padding-left:.75rem}
        .error-summary{border:4px solid var(--error);padding:1rem;margin:1rem 0}
        .error-summary:focus{outline:3px solid var(--focus)}
        .error-summary ul{margin:0;padding-left:1.2rem}
        .error-summary a{color:var(--error);font-weight:700}
        button{display:block;width:100%;min-height:52px;margin-top:1.5rem;padding:.75rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:var(--brand);border:0;border-radius:.4rem;cursor:pointer}
        button:hover{background:var(--brand-dark)}
        .privacy{margin-top:1rem}
        .privacy a{display:inline-flex;align-items:center;min-height:44px}
        .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
        [hidden]{display:none!important}
        @media (min-width:48rem){main{padding-top:2rem}button{width:auto}}
        """;
}
