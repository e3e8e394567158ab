" Settings for slsc specs: comments, and the words and pairs of the language.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=://
" Let gq and auto-wrap continue // comments, but not wrap code.
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
" `Orders.name` is two words; durations like `30s` are one.
setlocal iskeyword=@,48-57,_
setlocal matchpairs=(:),{:},[:]
setlocal suffixesadd=.sls

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< iskeyword< matchpairs< suffixesadd<'
