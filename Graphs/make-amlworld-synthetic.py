# Writes Graphs/amlworld-synthetic.csv: a small SYNTHETIC file in IBM AMLworld format (hand-made rows, no real data).
# Run from the repository root: python3 Graphs/make-amlworld-synthetic.py
import random
random.seed(12)
H="Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering"
rows=[]
def r(ts,fb,fa,tb,ta,amt,cur,fmt,lab,ramt=None,rcur=None):
    rows.append(f"{ts},{fb},{fa},{tb},{ta},{ramt if ramt else amt},{rcur if rcur else cur},{amt},{cur},{fmt},{lab}")
# ordinary activity and reinvestment
accts=[("010","8000EBD30"),("010","8000F4580"),("03208","8000F5340"),("03209","8000F4670"),("001","8000F5030"),("012","8000F5200"),("001","800104D70"),("020","8000EBD30")]
r("2022/09/01 00:20","010","8000EBD30","010","8000EBD30","3697.34","US Dollar","Reinvestment",0)
r("2022/09/01 00:20","03208","8000F5340","001","8000F5030","0.01","US Dollar","Cheque",0)
r("2022/09/01 00:00","03209","8000F4670","03209","8000F4670","14675.57","US Dollar","Reinvestment",0)
r("2022/09/01 00:02","012","8000F5200","012","8000F5200","2806.97","US Dollar","Reinvestment",0)
r("2022/09/01 00:06","010","8000F4580","001","800104D70","7739.29","US Dollar","ACH",0)
# laundering cycle in US Dollar across banks
r("2022/09/01 00:17","001","8000F5030","012","8000F5200","12840.00","US Dollar","ACH",1)
r("2022/09/02 11:43","012","8000F5200","020","8000EBD30","12701.15","US Dollar","ACH",1)
r("2022/09/04 09:10","020","8000EBD30","001","8000F5030","12594.42","US Dollar","Wire",1)
# same number at bank 010 is another account: ordinary payment
r("2022/09/02 08:15","010","8000EBD30","03208","8000F5340","250.00","US Dollar","Credit Card",0)
# exchanges: paid in Euro/Yuan, received in US Dollar (these give the rates)
r("2022/09/02 10:00","02","81A0B1C40","010","8000F4580","1000.00","Euro","Wire",0,"1173.02","US Dollar")
r("2022/09/03 10:00","03","81B9D2E10","001","800104D70","50000.00","Yuan","Wire",0,"7053.29","US Dollar")
# a Euro cycle, ordinary
r("2022/09/03 12:00","02","81A0B1C40","021","80C0D1E20","820.00","Euro","Cheque",0)
r("2022/09/05 12:00","021","80C0D1E20","02","81A0B1C40","640.00","Euro","Cheque",0)
# a mixed-currency cycle: Yuan one way, US Dollar back
r("2022/09/05 15:30","03","81B9D2E10","001","8000F5030","30000.00","Yuan","Wire",0)
r("2022/09/06 09:45","001","8000F5030","03","81B9D2E10","3900.00","US Dollar","Wire",0)
# laundering fan-out
for i,(tb,ta) in enumerate([("015","80D1A2B30"),("016","80D1A2B40"),("017","80D1A2B50"),("018","80D1A2B60")]):
    r(f"2022/09/07 0{i+1}:1{i}","010","8000F4580",tb,ta,f"{2000+i*37}.{10+i*7}","US Dollar","Cash",1)
# bitcoin
r("2022/09/07 14:00","070","A00F13DC0","070","A00F13DC0","0.0412","Bitcoin","Bitcoin",0)
r("2022/09/07 16:00","070","A00F13DC0","010","8000F4580","0.0150","Bitcoin","Bitcoin",0,"294.75","US Dollar")
r("2022/09/08 14:00","070","A00F13DC0","071","A00F22180","0.0211","Bitcoin","Bitcoin",0)
r("2022/09/08 10:05","001","800104D70","012","8000F5200","811.20","US Dollar","Credit Card",0)
r("2022/09/08 11:30","012","8000F5200","012","8000F5200","1203.44","US Dollar","Reinvestment",0)
r("2022/09/08 13:12","015","80D1A2B30","016","80D1A2B40","95.00","US Dollar","Cheque",0)
rows.sort()
open("Graphs/amlworld-synthetic.csv","w").write(H+"\n"+"\n".join(rows)+"\n")
print(len(rows))
