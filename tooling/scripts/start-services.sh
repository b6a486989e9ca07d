#!/usr/bin/env bash
# Start the local PostgreSQL and MariaDB servers the database tests use, if they are down.
# Bounded waits; never fails the caller (the tests report an unreachable server themselves).
set -u

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port name
  for _ in $(seq 1 30); do
    port_open "$1" && return 0
    sleep 1
  done
  echo "[services] $2 did not come up on port $1"
  return 1
}

if ! port_open 5432; then
  if [ -d /etc/postgresql ]; then
    echo "[services] starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    wait_for_port 5432 PostgreSQL
  else
    echo "[services] PostgreSQL is not installed"
  fi
fi

if ! port_open 3306; then
  if [ -x /usr/sbin/mariadbd ]; then
    echo "[services] starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    wait_for_port 3306 MariaDB
  else
    echo "[services] MariaDB is not installed"
  fi
fi
exit 0
