café = 1
π = 3.14
变量 = 2
naïve = café + 变量
Ωmega = π * 2
ñandú = "bird"
über_wert = naïve * Ωmega
データ = [café, π]
δx = 0.001


def 计算(α, β=π):
    return α * β


class Ünïcödé:
    número = 42
