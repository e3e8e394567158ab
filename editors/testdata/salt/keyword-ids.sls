
app web:
  pkg.installed: []
function init:
  cmd.run:
    - name: /usr/local/bin/init
