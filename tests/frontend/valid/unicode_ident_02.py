# Identifiers that normalize under NFKC
ﬁle = "ligature fi becomes 'file'"
ℌ = "script H becomes 'H'"
xⁿ = 4
ｆｕｌｌｗｉｄｔｈ = 1
print(file, H, full)
µ = "micro sign becomes greek mu"
