# Run me and read what I print: nothing here needs fixing.
import sys

print("Hello from Python")
print("A script ends with the status it gives sys.exit; this one gives 3.")
sys.exit(3)
