use aws:
  pkg.installed:
    - name: awscli
