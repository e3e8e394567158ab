// E0231: a list parameter as an environment variable's value
app shop { runtime = "python3.13" }

param Sites list { default = ["https://a.example.com", "https://b.example.com"] }

function Hello {
  handler = "hello.handler"
  env { SITES = Sites }
  external = true
}
