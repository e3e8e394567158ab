-- Starts `slsc lsp` for every slsc spec (Neovim 0.7 or later). Specs get
-- the filetype `slsc` from editors/vim's detection.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "slsc",
  callback = function(args)
    local config = { name = "slsc", cmd = { "slsc", "lsp" }, root_dir = vim.fn.getcwd() }
    if vim.lsp.start then -- 0.8 or later: one server per root, reused
      vim.lsp.start(config)
    else -- 0.7
      local id = vim.g.slsc_client
      if not (id and vim.lsp.get_client_by_id(id)) then
        id = vim.lsp.start_client(config)
        vim.g.slsc_client = id
      end
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
