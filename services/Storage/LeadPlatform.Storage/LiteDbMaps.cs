using System.Collections;
using System.Reflection;
using LiteDB;

namespace LeadPlatform.Storage;

/// <summary>
/// Builds a LiteDB mapper's member maps for a stored type and every type inside it, on one thread, before the store is
/// used. LiteDB 5 builds a type's map on its first use and puts it in its cache before filling it in (so that recursive
/// types end), in a dictionary that is read without a lock: a second thread reading the same type meanwhile got a
/// half-built map, and failed ("Collection was modified") or, worse, read the document without the members not mapped yet
/// (an evidence record without its hash; a lead without its outreach, which a write of that read then erased). A
/// restarted follow-up, whose consumers all read leads at once, did both (the consumer-kill test, issue 15).
/// </summary>
internal static class LiteDbMaps
{
    private static readonly MethodInfo EntityMethod = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))
        ?? throw new InvalidOperationException("This LiteDB version has no BsonMapper.Entity<T>(): update LiteDbMaps.");

    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
        typeof(decimal), typeof(byte[]), typeof(object), typeof(Uri),
    ];

    /// <summary>Builds the maps of <paramref name="root"/> and of every type its public properties hold (lists' and dictionaries' items too).</summary>
    public static void Build(BsonMapper mapper, Type root)
    {
        lock (mapper)
        {
            var seen = new HashSet<Type>();
            var pending = new Stack<Type>();
            pending.Push(root);
            while (pending.TryPop(out var type))
            {
                type = Nullable.GetUnderlyingType(type) ?? type;
                if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || Scalars.Contains(type) || typeof(BsonValue).IsAssignableFrom(type)) continue;
                var concrete = !type.IsArray && !type.IsAbstract && !type.IsInterface && !type.ContainsGenericParameters;
                // A collection's own type has a map too (LiteDB creates a dictionary through it), then its items.
                if (concrete) EntityMethod.MakeGenericMethod(type).Invoke(mapper, null);
                if (ItemTypes(type) is { } items)
                {
                    foreach (var item in items) pending.Push(item);
                    continue;
                }
                if (!concrete) continue;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0) pending.Push(property.PropertyType);
                }
            }
        }
    }

    /// <summary>What a collection holds (a dictionary: its keys and values), or null when the type is not a collection.</summary>
    private static Type[]? ItemTypes(Type type)
    {
        if (type.IsArray) return [type.GetElementType()!];
        if (!typeof(IEnumerable).IsAssignableFrom(type)) return null;
        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null) return dictionary.GetGenericArguments();
        var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is null ? [] : [enumerable.GetGenericArguments()[0]];
    }
}
