{#- Pillar-driven table of users -#}
{% for user in pillar.get('users', []) %}
{{ user }}:
  user.present
{% endfor %}
