# Install the queue worker and its configuration.
queue worker:
  pkg.installed:
    - name: queue-worker
