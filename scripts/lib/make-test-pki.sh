#!/usr/bin/env bash
# A throwaway PKI for tests and the demo of OCPP security profiles 2 and 3: a CA, a server certificate
# for localhost/127.0.0.1, and one client certificate per charger (subject CN = its id). Never for production.
# Usage: make-test-pki.sh OUTDIR [CHARGER_ID...]   (runs wherever openssl 3 is; e.g. via scripts/env-run)
# Writes OUTDIR/ca.pem ca.key server.pem server.key, and OUTDIR/chargers/ID.pem ID.key per charger.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [CHARGER_ID...]" >&2; exit 2; }
out=$1; shift
days=${PKI_DAYS:-365}
mkdir -p "$out/chargers"
umask 077
ext=$(mktemp)
trap 'rm -f "$ext" "$out"/*.csr "$out"/chargers/*.csr' EXIT

# ECDSA P-256: what the OCPP 1.6 Security Whitepaper recommends, and fast to make.
newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

sign() { # KEY CSR_SUBJECT CERT EXTENSIONS
  local key=$1 subject=$2 cert=$3
  printf '%s\n' "$4" >"$ext"
  openssl req -new -key "$key" -subj "$subject" -out "$cert.csr"
  openssl x509 -req -in "$cert.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key" -CAcreateserial \
    -days "$days" -sha256 -extfile "$ext" -out "$cert" 2>/dev/null
}

if [ ! -f "$out/ca.pem" ]; then
  newkey "$out/ca.key"
  openssl req -x509 -new -key "$out/ca.key" -subj "/O=Voltdesk test/CN=Voltdesk Test CA $(date +%s%N)" \
    -days "$days" -sha256 -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$out/ca.pem"
fi
if [ ! -f "$out/server.pem" ]; then
  newkey "$out/server.key"
  sign "$out/server.key" "/O=Voltdesk test/CN=localhost" "$out/server.pem" \
    "$(printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
       'extendedKeyUsage=serverAuth' 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1')"
fi
for id in "$@"; do
  case $id in
    */* | *,* | *+* | *=* | *\\*) echo "error: charger id '$id' has a character this script cannot put in a subject" >&2; exit 2 ;;
  esac
  newkey "$out/chargers/$id.key"
  sign "$out/chargers/$id.key" "/O=Voltdesk test/CN=$id" "$out/chargers/$id.pem" \
    "$(printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
       'extendedKeyUsage=clientAuth')"
done
chmod 644 "$out"/*.pem "$out"/chargers/*.pem 2>/dev/null || true
echo "test PKI in $out: ca.pem, server.pem/.key, chargers/{$(IFS=,; echo "$*")}.pem/.key"
