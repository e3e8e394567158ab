{% set version = salt['pillar.get']('nginx:version', 'latest') %}
nginx:
  pkg.installed:
    - version: {{ version }}
  service.running:
    - enable: True
    - watch:
      - file: /etc/nginx/nginx.conf
