app example { runtime = "python3.13" }

// `Crawl` calls Glue, which slsc derives no permissions for.
state_machine Crawl {
  definition = "glue.asl.json"
}
