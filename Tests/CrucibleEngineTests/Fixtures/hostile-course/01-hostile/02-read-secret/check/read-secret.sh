cat "$HOME/secret.txt"
