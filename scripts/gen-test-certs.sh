#!/usr/bin/env bash
# Generates the TLS material the tests use, with openssl, into DIRECTORY:
#   ca.pem ca.key                  test CA
#   server.pem server.key          CN=localhost, SAN DNS:localhost IP:127.0.0.1 IP:::1, signed by the CA
#   client.pem client.key          CN=client.example.net, SAN DNS:client.example.net, signed by the CA
#   other-client.pem/.key          CN=client.example.net, signed by another CA (other-ca.pem)
#   expired-client.pem/.key        CN=client.example.net, signed by the CA, already expired
#   stranger.pem stranger.key      CN=stranger.example.org, signed by the CA (for tls-allowed-peers)
# Usage: scripts/gen-test-certs.sh DIRECTORY
set -euo pipefail
dir="$1"
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1; }
ca() {  # name subject
    quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -subj "$2" -days 2 \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
}
leaf() {  # name subject san ca days
    quiet openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2"
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\n' "$3" > "$1.ext"
    quiet openssl x509 -req -in "$1.csr" -CA "$4.pem" -CAkey "$4.key" -days "$5" -set_serial "$RANDOM$RANDOM" \
        -extfile "$1.ext" -out "$1.pem"
    rm -f "$1.csr" "$1.ext"
}
ca ca "/CN=activitylog test CA"
ca other-ca "/CN=some other CA"
leaf server "/CN=localhost" "DNS:localhost,IP:127.0.0.1,IP:::1" ca 2
leaf client "/CN=client.example.net" "DNS:client.example.net" ca 2
leaf other-client "/CN=client.example.net" "DNS:client.example.net" other-ca 2
leaf expired-client "/CN=client.example.net" "DNS:client.example.net" ca -1
leaf stranger "/CN=stranger.example.org" "DNS:stranger.example.org" ca 2
