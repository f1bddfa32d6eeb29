using System.Net;
using System.Security.Cryptography;
using System.Text;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Privacy;

namespace LeadPlatform.Intake.Tests;

/// <summary>A request posted over HTTP is stored with its person, inquiry and client sealed by the configured key.</summary>
public sealed class Keeping_personal_data_encrypted_at_rest
{
    [Fact]
    public async Task The_intake_file_holds_neither_the_email_nor_the_phone_nor_the_name_nor_the_message_in_clear()
    {
        var key = Convert.ToBase64String(SHA256.HashData("intake at-rest test key"u8));
        var server = await IntakeServer.StartAsync($"--Privacy:EncryptionKeys:k1={key}", "--Privacy:CurrentKeyId=k1", "--Privacy:LookupKeySecret=intake-test-lookup-secret-0123456789abcdef");
        var email = $"rosa.quintana+{Guid.NewGuid():N}@fastmail.com";
        var request = SampleQuoteRequest.Create(email: email, phone: "+1 415 555 0177");
        request["firstName"] = "Rosalind";
        request["lastName"] = "Quintanilla";
        request["message"] = "My lower back hurts when I run.";
        Guid quoteRequestId;
        try
        {
            using var response = await server.PostJsonAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            quoteRequestId = await IntakeServer.QuoteRequestIdOf(response);
            var stored = await server.Store.GetAsync(quoteRequestId, TestContext.Current.CancellationToken);
            Assert.Equal(email, stored!.Submission.Person.Email);
            Assert.Equal("+14155550177", stored.Submission.Person.Phone);
            Assert.Equal("My lower back hurts when I run.", stored.Submission.Inquiry.Message);
            await server.StopKeepingDataAsync();

            foreach (var file in Directory.GetFiles(server.DataFolder, "*.db"))
            {
                var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
                foreach (var value in new[] { email, "+14155550177", "4155550177", "Rosalind", "Quintanilla", "lower back hurts" })
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds '{value}' in clear");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(PersonalDataProtector.Prefix + "k1:")) >= 0, "nothing sealed with k1");
            }
        }
        finally
        {
            Directory.Delete(server.DataFolder, recursive: true);
        }
    }
}
