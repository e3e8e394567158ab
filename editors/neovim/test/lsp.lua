-- Headless Neovim drives `slsc lsp` through editors/neovim/slsc.lua, as a
-- user's editor would: scripts/test-neovim.sh runs it. It opens a copy of
-- tests/diagnostics/W0305/bad.sls ($SLSC_NVIM_SPEC) and checks what the
-- built-in client shows: the diagnostic (code, message, place), hover on a
-- function (its declaration and the IAM statements slsc derived), go to
-- definition, the diagnostics after an edit, and formatting. Exits 0 when
-- all pass, 1 with the failures on stderr otherwise.

local failures = {}
local function check(ok, what, got)
  if ok then
    io.stdout:write("ok: " .. what .. "\n")
  else
    table.insert(failures, what .. (got ~= nil and (": got " .. vim.inspect(got)) or ""))
    io.stdout:write("FAILED: " .. what .. "\n")
  end
end

local function finish()
  if #failures == 0 then
    io.stdout:write("neovim: all passed\n")
    vim.cmd("qall!")
  else
    io.stderr:write("neovim: " .. #failures .. " failed:\n  " .. table.concat(failures, "\n  ") .. "\n")
    vim.cmd("cquit 1")
  end
end

-- The 0-based line and column of the first `text` in the buffer.
local function find(buf, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error("not in the spec: " .. text)
end

-- The one answer of the slsc client to a request at a position.
local function ask(buf, method, line, col)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = col },
  }
  local answers = vim.lsp.buf_request_sync(buf, method, params, 5000) or {}
  for _, answer in pairs(answers) do
    return answer.result
  end
end

local function run()
  local spec = os.getenv("SLSC_NVIM_SPEC")
  vim.cmd("edit " .. vim.fn.fnameescape(spec))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "slsc", "the spec has the filetype slsc", vim.bo[buf].filetype)

  -- The server starts and publishes the diagnostics of `slsc check`.
  local attached = vim.wait(10000, function()
    -- vim.lsp.get_clients is 0.10's name; buf_get_clients is 0.7's.
    local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
    return next(clients) ~= nil
  end, 20)
  check(attached, "slsc lsp attached to the buffer")
  if not attached then
    return
  end
  vim.wait(10000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  local diagnostics = vim.diagnostic.get(buf)
  check(#diagnostics == 1, "one diagnostic", diagnostics)
  local d = diagnostics[1] or {}
  local fline, fcol = find(buf, "function MakeThumbnail")
  check(d.code == "W0305", "its code is W0305", d.code)
  check(d.severity == vim.diagnostic.severity.WARN, "it is a warning", d.severity)
  check(d.source == "slsc", "its source is slsc", d.source)
  check(
    (d.message or ""):find("`MakeThumbnail` is invoked asynchronously by bucket Photos, and its failures go nowhere", 1, true) == 1,
    "its message is slsc check's",
    d.message
  )
  check((d.message or ""):find("\nhelp: add `on_failure = SomeQueue`", 1, true) ~= nil, "its help follows", d.message)
  local oline, ocol = find(buf, "on Photos")
  check(
    d.lnum == oline and d.col == ocol + #"on " and d.end_lnum == oline and d.end_col == d.col + #"Photos",
    "it underlines `Photos` of `on Photos`",
    { d.lnum, d.col, d.end_lnum, d.end_col }
  )
  local related = (((d.user_data or {}).lsp or {}).relatedInformation or {})[1] or {}
  check(
    related.message == "no `on_failure` here"
      and related.location.range.start.line == fline
      and related.location.range.start.character == fcol + #"function ",
    "its related information points at the function's name",
    related
  )

  -- Hover on the function's name: its declaration and its IAM statements.
  local hover = ask(buf, "textDocument/hover", fline, fcol + #"function " + 2)
  local text = hover and hover.contents and hover.contents.value or ""
  check(text:find("`function` `MakeThumbnail`", 1, true) ~= nil, "hover names the declaration", text)
  check(text:find("```sls\nfunction MakeThumbnail {", 1, true) ~= nil, "hover shows the declaration", text)
  check(text:find("`s3:GetObject` on `", 1, true) ~= nil, "hover lists the IAM statement of `reads Photos`", text)
  check(text:find("**Retry windows**", 1, true) ~= nil, "hover lists the retry window of bucket Photos", text)

  -- Go to definition from `reads Photos` lands on `bucket Photos`.
  local rline, rcol = find(buf, "reads Photos")
  local def = ask(buf, "textDocument/definition", rline, rcol + #"reads ")
  if def and def[1] then
    def = def[1] -- a list of locations
  end
  local bline = find(buf, "bucket Photos")
  check(
    def and def.uri == vim.uri_from_bufnr(buf) and def.range.start.line == bline,
    "definition of Photos is `bucket Photos` (line " .. (bline + 1) .. ")",
    def
  )

  -- An edit: a misspelt name is reported (did you mean), unsaved.
  vim.api.nvim_buf_set_text(buf, rline, rcol + #"reads ", rline, rcol + #"reads Photos", { "Photoz" })
  local misspelt = vim.wait(10000, function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if x.code == "E0101" then
        return true
      end
    end
    return false
  end, 20)
  local e = vim.tbl_filter(function(x)
    return x.code == "E0101"
  end, vim.diagnostic.get(buf))[1] or {}
  check(misspelt and e.lnum == rline and e.col == rcol + #"reads ", "after an edit, E0101 at the misspelt name", e)
  check((e.message or ""):find("did you mean `Photos`", 1, true) ~= nil, "E0101 says did you mean `Photos`", e.message)

  -- Formatting: a line indented wrongly is put back.
  vim.api.nvim_buf_set_text(buf, rline, rcol, rline, rcol + #"reads Photoz", { "reads Photos" })
  local wline = find(buf, "writes Thumbnails")
  vim.api.nvim_buf_set_lines(buf, wline, wline + 1, false, { "        writes   Thumbnails" })
  if vim.lsp.buf.format then -- 0.8 or later
    vim.lsp.buf.format({ bufnr = buf, timeout_ms = 5000 })
  else
    vim.lsp.buf.formatting_sync(nil, 5000)
  end
  check(
    vim.api.nvim_buf_get_lines(buf, wline, wline + 1, false)[1] == "  writes Thumbnails",
    "formatting re-indents a line",
    vim.api.nvim_buf_get_lines(buf, wline, wline + 1, false)[1]
  )
  local cleared = vim.wait(10000, function()
    local now = vim.diagnostic.get(buf)
    return #now == 1 and now[1].code == "W0305"
  end, 20)
  check(cleared, "after the fix, only W0305 is left", vim.diagnostic.get(buf))
end

local ok, err = pcall(run)
check(ok, "the test ran to its end", err)
finish()
