#!/bin/sh
# Prints nginx configuration for Plancia from plancia.conf.template. Only the PLANCIA_* variables below are
# substituted; nginx's own $variables are left as they are.
set -eu
: "${PLANCIA_SERVER_NAME:?set PLANCIA_SERVER_NAME, the host name the board is served at}"
: "${PLANCIA_TLS_CERT:?set PLANCIA_TLS_CERT, the path of the TLS certificate (full chain)}"
: "${PLANCIA_TLS_KEY:?set PLANCIA_TLS_KEY, the path of its private key}"
export PLANCIA_UPSTREAM="${PLANCIA_UPSTREAM:-127.0.0.1:8080}"
export PLANCIA_HTTP_PORT="${PLANCIA_HTTP_PORT:-80}"
export PLANCIA_HTTPS_PORT="${PLANCIA_HTTPS_PORT:-443}"
export PLANCIA_SERVER_NAME PLANCIA_TLS_CERT PLANCIA_TLS_KEY
exec envsubst '${PLANCIA_SERVER_NAME} ${PLANCIA_UPSTREAM} ${PLANCIA_HTTP_PORT} ${PLANCIA_HTTPS_PORT} ${PLANCIA_TLS_CERT} ${PLANCIA_TLS_KEY}' \
  < "$(dirname "$0")/plancia.conf.template"
