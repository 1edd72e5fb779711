using System.Reflection;
using System.Reflection.Emit;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>The methods that a compiled method body calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
public static class IlCallSites
{
    public static IEnumerable<MethodBase> Callees(MethodBase method) => Sites(method).Select(s => s.Callee);

    /// <summary>Each call site in IL order with its instruction (ldftn followed by a delegate's newobj makes a delegate).</summary>
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<(OpCode OpCode, MethodBase Callee)> Sites(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or BadImageFormatException)
        {
            yield break;
        }
        if (il is null) yield break;
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var opCode = OpCodesByValue[value];
            position += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, position);
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMethodException)
                {
                }
                if (callee is not null) yield return (opCode, callee);
            }
            position += OperandSize(opCode, il, position);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
        _ => 4,
    };
}
