print("hqlrun")
