import MoneyFlow

print("moneyflow")
