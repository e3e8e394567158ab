" Tests of the Vim files in real Vim, run by scripts/test-editors.sh:
"
"   vim -es -u NONE -i NONE -N --cmd 'set rtp^=editors/vim' -S editors/vim/test/run.vim
"
" with files that list specs, one path a line: $SLSC_VIM_SPECS those the
" compiler parses, $SLSC_VIM_CLEAN those of them without lexical errors,
" $SLSC_VIM_INDENT those in the project's canonical layout; and
" $SLSC_VIM_OUT the report file: one `ok`/`FAIL` line per test, details
" indented under failures.
"
" - ftdetect: every spec is detected as slsc; every Salt state in
"   editors/testdata/salt/ is not.
" - syntax: the assertions of test/*.sls (the vscode-tmgrammar-test format,
"   with Vim group names) hold, and no clean spec has an error group.
" - indent: reindenting a canonical spec (gg=G) changes nothing.

let s:here = expand('<sfile>:p:h')
let s:report = []

function! s:Result(name, problems) abort
  if empty(a:problems)
    call add(s:report, 'ok   ' . a:name)
  else
    call add(s:report, 'FAIL ' . a:name)
    call extend(s:report, map(copy(a:problems), '"    " . v:val'))
  endif
endfunction

function! s:Open(path) abort
  silent! %bwipeout!
  execute 'silent edit ' . fnameescape(a:path)
endfunction

" The syntax groups that cover line lnum, column col (1-based), innermost last.
function! s:Groups(lnum, col) abort
  let groups = map(synstack(a:lnum, a:col), 'synIDattr(v:val, "name")')
  " A region's start and end are highlighted by its matchgroup, not in the stack.
  return add(groups, synIDattr(synID(a:lnum, a:col, 0), 'name'))
endfunction

" Checks `// ^^^ group1 group2 - notgroup` and `// <-- group` lines against
" the last line above them that is not an assertion.
function! s:CheckAssertions(path) abort
  call s:Open(a:path)
  let problems = []
  let source = 0
  for lnum in range(1, line('$'))
    let text = getline(lnum)
    let m = matchlist(text, '^//\(\s*\)\(\^\+\)\s\+\(.*\)$')
    let first = 0
    let n = 0
    if !empty(m)
      let first = len(m[1]) + 3
      let n = len(m[2])
      let spec = m[3]
    else
      let m = matchlist(text, '^//\s*\(<-\+\)\s\+\(.*\)$')
      if empty(m)
        if text !~# '^// SYNTAX TEST'
          let source = lnum
        endif
        continue
      endif
      let first = 1
      let n = len(m[1]) - 1
      let spec = m[2]
    endif
    let [want; rest] = split(spec, '\s\+-\s\+', 1)
    let want = split(want)
    let unwanted = empty(rest) ? [] : split(rest[0])
    for col in range(first, first + n - 1)
      let groups = s:Groups(source, col)
      for g in want
        if index(groups, g) < 0
          call add(problems, printf('%s:%d:%d: expected %s, found [%s]', a:path, source, col, g,
                \ join(groups, ' ')))
        endif
      endfor
      for g in unwanted
        if index(groups, g) >= 0
          call add(problems, printf('%s:%d:%d: unexpected %s', a:path, source, col, g))
        endif
      endfor
    endfor
  endfor
  return problems
endfunction

function! s:ErrorGroups(path) abort
  let problems = []
  for lnum in range(1, line('$'))
    let text = getline(lnum)
    for col in range(1, len(text))
      " Error groups are always the innermost item: synID() suffices, and is fast.
      if synIDattr(synID(lnum, col, 0), 'name') =~# '^slsc\%(Escape\)\=Error$'
        call add(problems, printf('%s:%d:%d: %s is an error', a:path, lnum, col, text[col - 1]))
        break
      endif
    endfor
  endfor
  return problems
endfunction

function! s:Reindent(path) abort
  let before = getline(1, '$')
  silent normal! gg=G
  let after = getline(1, '$')
  let problems = []
  for i in range(len(before))
    if before[i] !=# after[i]
      call add(problems, printf('%s:%d: reindented as %s', a:path, i + 1, string(after[i])))
    endif
  endfor
  return problems
endfunction

filetype plugin indent on
syntax on

function! s:List(variable) abort
  return filter(readfile(a:variable), 'v:val !=# ""')
endfunction

for s:spec in s:List($SLSC_VIM_SPECS)
  call s:Open(s:spec)
  call s:Result('ftdetect ' . s:spec, &filetype ==# 'slsc' ? [] : ['filetype is ' . string(&filetype)])
endfor

for s:spec in s:List($SLSC_VIM_CLEAN)
  call s:Open(s:spec)
  call s:Result('syntax has no error group ' . s:spec, s:ErrorGroups(s:spec))
endfor

for s:spec in s:List($SLSC_VIM_INDENT) + glob(s:here . '/indent/*.sls', 0, 1)
  call s:Open(s:spec)
  call s:Result('indent unchanged ' . s:spec, s:Reindent(s:spec))
endfor

for s:salt in sort(glob(s:here . '/../../testdata/salt/*.sls', 0, 1))
  call s:Open(s:salt)
  call s:Result('ftdetect leaves Salt alone: ' . fnamemodify(s:salt, ':t'),
        \ &filetype ==# 'slsc' ? ['taken as slsc'] : [])
endfor

for s:test in sort(glob(s:here . '/*.sls', 0, 1))
  call s:Result('assertions ' . fnamemodify(s:test, ':t'), s:CheckAssertions(s:test))
endfor

call writefile(s:report, $SLSC_VIM_OUT)
qall!
