import CXKitCore

print("CXKit demo")
