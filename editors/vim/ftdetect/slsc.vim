" Filetype detection for slsc specs (.sls).
"
" SaltStack states use .sls too, and Vim (9.1+) and Neovim call them `salt`.
" A .sls file becomes `slsc` only when its first line that is not blank is a
" `//` comment, a `use` line, or a declaration such as `queue Orders {`: Salt
" files are YAML and Jinja (`nginx:`, `{% ... %}`, `#!py`), which never start
" that way, so they keep the filetype they had. A new, empty .sls file is left
" alone too. To open such files as specs, or to turn detection off
" (let g:slsc_detect = 0), see editors/vim/README.md.

function! s:LooksLikeSpec() abort
  let lnum = nextnonblank(1)
  if lnum == 0 || lnum > 200
    return 0
  endif
  let line = getline(lnum)
  if line =~# '^\s*//'
    return 1
  endif
  " `KEYWORD Name` or `use path`, where the name is not a YAML key (`app web:`).
  let decl = '^\s*\%(app\|type\|event\|function\|api\|rule\|schedule\|queue\|topic\|bus\|table\|bucket\|stream\|state_machine\|secret\|parameter\|param\|userpool\|resource\|pipe\|schedule_group\|layer\|stage\|alarm\|condition\)'
        \ . '\s\+\h\w*\>'
  let use = '^\s*use\s\+\%("\|\h[[:alnum:]_.]*\>\)'
  for pattern in [decl, use]
    let m = matchend(line, pattern)
    if m >= 0
      return strpart(line, m) !~# '^\s*:'
    endif
  endfor
  return 0
endfunction

function! s:Detect() abort
  if get(g:, 'slsc_detect', 1) && s:LooksLikeSpec()
    " `set`, not `setfiletype`: Vim's own rule has already made it `salt`.
    set filetype=slsc
  endif
endfunction

" Vim sources this file inside its `filetypedetect` group, after its own rules.
autocmd BufRead,BufNewFile *.sls call s:Detect()
