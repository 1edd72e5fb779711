namespace SemiSegEcg.Config;

public enum DeviceKind
{
    Cpu,
    Cuda,
}
