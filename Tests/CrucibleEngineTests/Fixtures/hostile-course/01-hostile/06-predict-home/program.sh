echo "crucible was here" > "$HOME/crucible-was-here"
echo done
