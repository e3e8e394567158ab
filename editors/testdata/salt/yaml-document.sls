---
bucket uploads:
  file.directory:
    - name: /srv/uploads
