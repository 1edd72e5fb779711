using SemiSegEcg.Config;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>Turns the config's <c>device</c> into a torch device, failing early when CUDA is not in this build.</summary>
public static class DeviceCheck
{
    public static Device Require(DeviceKind device)
    {
        if (device == DeviceKind.Cuda && !cuda.is_available())
        {
            throw new ConfigException(
                "device 'cuda' is not available: this build uses the CPU libtorch (build with -p:TorchDevice=cuda on a machine with CUDA), or pass --device cpu",
                null, "device");
        }
        return device == DeviceKind.Cuda ? CUDA : CPU;
    }
}
