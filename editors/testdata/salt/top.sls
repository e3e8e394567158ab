base:
  '*':
    - common
  'web*':
    - nginx
