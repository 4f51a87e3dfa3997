using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Tests;

public class ConnectionInfoTests
{
    private const string Valid = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "askshift-csharp"}
        """;

    [Fact]
    public void Parse_ReadsJupyterClientsConnectionFile()
    {
        var c = ConnectionInfo.Parse(Valid, "k.json");
        Assert.Equal((5001, 5002, 5003, 5004, 5005), (c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HeartbeatPort));
        Assert.Equal("tcp://127.0.0.1:5001", c.Endpoint(c.ShellPort));
        Assert.Equal("abc", c.Key);
        Assert.Equal(c, ConnectionInfo.Parse(c.ToJson(), "round-trip"));
    }

    [Fact]
    public void Ipv6Address_IsBracketedInEndpoints()
    {
        var c = ConnectionInfo.Parse(Valid.Replace("127.0.0.1", "::1"), "k.json");
        Assert.Equal("tcp://[::1]:5002", c.Endpoint(c.IOPubPort));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "lacks \"shell_port\"")]
    [InlineData("""{"shell_port": "x", "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "\"shell_port\" must be a port number")]
    [InlineData("""{"shell_port": 70000, "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "\"shell_port\" must be a port number")]
    [InlineData("""{"transport": "ipc", "shell_port": 1, "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "transport \"ipc\" is not supported")]
    [InlineData("""{"key": "k", "signature_scheme": "hmac-md5", "shell_port": 1, "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "hmac-md5")]
    public void BadFiles_FailNamingTheFileAndTheProblem(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse(json, "/tmp/kernel-1.json"));
        Assert.Contains("/tmp/kernel-1.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void MissingFile_FailsNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Load("/nonexistent/kernel-9.json"));
        Assert.Contains("/nonexistent/kernel-9.json", e.Message);
    }
}
