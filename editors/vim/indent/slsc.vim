" Vim indent file
" Language: slsc spec (.sls)
"
" One shiftwidth per open brace, bracket or parenthesis; a closing one at the
" start of a line goes back to the line that opened it. Continuation lines
" are indented one shiftwidth more than the member they continue: the lines
" of a `where` filter that start with `and` or `or`, and the names of an
" access verb after a line that ends with a comma (`reads Orders,`).

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=SlscIndent(v:lnum)
setlocal indentkeys=0{,0},0],0),!^F,o,O,=and\ ,=or\ 
setlocal autoindent nosmartindent nocindent

let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent< smartindent< cindent<'

if exists('*SlscIndent')
  finish
endif

let s:filter_continuation = '^\s*\%(and\|or\)\>'
let s:verb = '^\s*\%(reads\|writes\|deletes\|sends\|publishes\|emits\|invokes\|answers\)\>'
" What starts a member, so that it does not continue a verb's names.
let s:statement_start = '^\s*\%(\%(reads\|writes\|deletes\|sends\|publishes\|emits\|invokes\|answers\|on\)\>\|\h\w*\s*[={]\)'

" The line without strings and its comment, so that brackets in them do not count.
function! s:Code(lnum) abort
  let line = substitute(getline(a:lnum), '"\%([^"\\]\|\\.\)*"', '""', 'g')
  return substitute(line, '//.*$', '', '')
endfunction

" Open minus closed brackets on a line.
function! s:Balance(lnum) abort
  let code = s:Code(a:lnum)
  let opened = len(substitute(code, '[^{[(]', '', 'g'))
  let closed = len(substitute(code, '[^}\])]', '', 'g'))
  return opened - closed
endfunction

" Whether lnum continues the member of the line above it.
function! s:IsContinuation(lnum) abort
  let line = getline(a:lnum)
  if line =~# s:filter_continuation
    return 1
  endif
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0 || line =~# s:statement_start || s:Code(prev) !~# ',\s*$'
    return 0
  endif
  return getline(s:StatementStart(prev)) =~# s:verb
endfunction

" The first line of the member that lnum belongs to: up over continuation
" lines, and from a line that closes brackets to the line that opened them.
function! s:StatementStart(lnum) abort
  let lnum = a:lnum
  while lnum > 1
    if s:Balance(lnum) < 0
      let code = s:Code(lnum)
      let opener = s:Opener(lnum, match(code, '.*\zs[}\])]') + 1)
      if opener == 0 || opener >= lnum
        break
      endif
      let lnum = opener
    elseif s:IsContinuation(lnum)
      let lnum = prevnonblank(lnum - 1)
    else
      break
    endif
  endwhile
  return lnum
endfunction

" The line of the bracket that the bracket at (lnum, col) closes, or 0.
function! s:Opener(lnum, col) abort
  let save = getpos('.')
  call cursor(a:lnum, a:col)
  let [lnum, _] = searchpairpos('[{[(]', '', '[}\])]', 'bnW',
        \ 'synIDattr(synID(line("."), col("."), 1), "name") =~? "string\\|comment"')
  call setpos('.', save)
  return lnum
endfunction

function! SlscIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let line = getline(a:lnum)
  let sw = shiftwidth()

  " A closing bracket lines up with the line that opened it.
  if line =~# '^\s*[}\])]'
    let opener = s:Opener(a:lnum, match(line, '[}\])]') + 1)
    return opener > 0 ? indent(opener) : indent(prev) - sw
  endif

  if s:Balance(prev) > 0
    return indent(prev) + sw
  endif
  let start = s:StatementStart(prev)
  return indent(start) + (s:IsContinuation(a:lnum) ? sw : 0)
endfunction
