// loaded by #load in tests
static string Greet(string who) => $"hello {who}";
var loadedValue = 7;
