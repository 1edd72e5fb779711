using SemiSegEcg.Config;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>Fails early and clearly when the configured device is not available in this TorchSharp build.</summary>
public static class DeviceCheck
{
    public static void Require(DeviceKind device)
    {
        if (device == DeviceKind.Cuda && !cuda.is_available())
        {
            throw new ConfigException(
                "device 'cuda' is not available: this build uses the CPU libtorch (build with -p:TorchDevice=cuda on a machine with CUDA), or pass --device cpu",
                null, "device");
        }
    }
}
