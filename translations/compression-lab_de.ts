<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CoreText</name>
    <message>
        <source>statistics of %1</source>
        <translation>Statistik von %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>Schreiben von %1</translation>
    </message>
    <message>
        <source>sensitivity at %1</source>
        <translation>Empfindlichkeit in %1</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>original model</source>
        <translation>Originalmodell</translation>
    </message>
    <message>
        <source>compressed model</source>
        <translation>komprimiertes Modell</translation>
    </message>
    <message>
        <source>capturing activations</source>
        <translation>Erfassen der Aktivierungen</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>the recipe says keep</source>
        <translation>laut Rezept beibehalten</translation>
    </message>
    <message>
        <source>a vector (norms and biases stay as they are)</source>
        <translation>ein Vektor (Normen und Biases bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>not floating-point values</source>
        <translation>keine Gleitkommawerte</translation>
    </message>
</context>
<context>
    <name>DecisionGuideTable</name>
    <message>
        <source>Self-hosting an open SLM on consumer hardware</source>
        <translation>Ein offenes SLM selbst auf Consumer-Hardware betreiben</translation>
    </message>
    <message>
        <source>INT4 weight-only quantisation (AWQ or GPTQ)</source>
        <translation>Reine Gewichtsquantisierung auf INT4 (AWQ oder GPTQ)</translation>
    </message>
    <message>
        <source>Drop to INT3 or INT2 only if desperate; otherwise pick a smaller model.</source>
        <translation>Nur im Notfall auf INT3 oder INT2 gehen; sonst besser ein kleineres Modell wählen.</translation>
    </message>
    <message>
        <source>Production inference on a datacentre GPU</source>
        <translation>Produktive Inferenz auf einer Rechenzentrums-GPU</translation>
    </message>
    <message>
        <source>FP8 or INT8 (TensorRT-LLM, vLLM with FP8 KV cache)</source>
        <translation>FP8 oder INT8 (TensorRT-LLM, vLLM mit FP8-KV-Cache)</translation>
    </message>
    <message>
        <source>Quality holds; latency and throughput improve materially.</source>
        <translation>Die Qualität bleibt erhalten; Latenz und Durchsatz verbessern sich deutlich.</translation>
    </message>
    <message>
        <source>Edge deployment (mobile, embedded)</source>
        <translation>Edge-Einsatz (mobil, eingebettet)</translation>
    </message>
    <message>
        <source>Distillation to a 1-3B model, then INT4 quantisation</source>
        <translation>Destillation auf ein 1-3B-Modell, danach INT4-Quantisierung</translation>
    </message>
    <message>
        <source>Optionally structured pruning of attention heads if the budget is tight.</source>
        <translation>Bei knappem Budget optional strukturiertes Pruning von Attention-Köpfen.</translation>
    </message>
    <message>
        <source>Long-context inference (32K+ tokens)</source>
        <translation>Inferenz mit langem Kontext (32K+ Token)</translation>
    </message>
    <message>
        <source>Quantise the KV cache (FP8 or INT4)</source>
        <translation>Den KV-Cache quantisieren (FP8 oder INT4)</translation>
    </message>
    <message>
        <source>KV cache dominates VRAM at long contexts - quantising weights alone is not enough.</source>
        <translation>Bei langen Kontexten dominiert der KV-Cache den VRAM – nur die Gewichte zu quantisieren reicht nicht.</translation>
    </message>
    <message>
        <source>Fine-tuning to a domain</source>
        <translation>Feinabstimmung auf eine Domäne</translation>
    </message>
    <message>
        <source>LoRA / QLoRA adapters, not full retraining</source>
        <translation>LoRA-/QLoRA-Adapter statt vollständigem Neutraining</translation>
    </message>
    <message>
        <source>This is parameter-efficient training, not compression - but it ships in the same conversation.</source>
        <translation>Das ist parametereffizientes Training, keine Kompression – kommt aber im selben Gespräch zur Sprache.</translation>
    </message>
</context>
<context>
    <name>EstimatorConstants</name>
    <message>
        <source>Quality at FP32</source>
        <translation>Qualität in FP32</translation>
    </message>
    <message>
        <source>Quality at FP16/BF16</source>
        <translation>Qualität in FP16/BF16</translation>
    </message>
    <message>
        <source>Quality at FP8/INT8</source>
        <translation>Qualität in FP8/INT8</translation>
    </message>
    <message>
        <source>Quality at INT4</source>
        <translation>Qualität in INT4</translation>
    </message>
    <message>
        <source>Quality at INT2</source>
        <translation>Qualität in INT2</translation>
    </message>
    <message>
        <source>Pruning loss, linear term</source>
        <translation>Pruning-Verlust, linearer Term</translation>
    </message>
    <message>
        <source>Pruning loss, cubic term</source>
        <translation>Pruning-Verlust, kubischer Term</translation>
    </message>
    <message>
        <source>Distillation loss per halving</source>
        <translation>Destillationsverlust pro Halbierung</translation>
    </message>
    <message>
        <source>Near-lossless from</source>
        <translation>Nahezu verlustfrei ab</translation>
    </message>
    <message>
        <source>Minor loss from</source>
        <translation>Geringer Verlust ab</translation>
    </message>
    <message>
        <source>Noticeable drift from</source>
        <translation>Spürbare Abweichung ab</translation>
    </message>
    <message>
        <source>Significant loss from (below: broken)</source>
        <translation>Deutlicher Verlust ab (darunter: unbrauchbar)</translation>
    </message>
    <message>
        <source>first-order activations, bytes per hidden value</source>
        <translation>Aktivierungen (erste Näherung), Bytes pro Hidden-State-Wert</translation>
    </message>
    <message>
        <source>CUDA runtime overhead per device (bytes)</source>
        <translation>CUDA-Laufzeit-Overhead pro Gerät (Bytes)</translation>
    </message>
    <message>
        <source>ROCm runtime overhead per device (bytes)</source>
        <translation>ROCm-Laufzeit-Overhead pro Gerät (Bytes)</translation>
    </message>
    <message>
        <source>Metal runtime overhead (bytes)</source>
        <translation>Metal-Laufzeit-Overhead (Bytes)</translation>
    </message>
    <message>
        <source>Tier headroom (fraction of usable memory)</source>
        <translation>Reserve der Hardwareklasse (Anteil am nutzbaren Speicher)</translation>
    </message>
    <message>
        <source>rule of thumb, calibrated from published results</source>
        <translation>Faustregel, kalibriert an veröffentlichten Ergebnissen</translation>
    </message>
    <message>
        <source>runtime behaviour, measured</source>
        <translation>Laufzeitverhalten, gemessen</translation>
    </message>
    <message>
        <source>seed article &apos;Model Compression&apos; (section 03); GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), LLM.int8() (Dettmers et al. 2022), FP8 formats (Micikevicius et al. 2022), k-quant perplexity tables in llama.cpp PR #1684</source>
        <translation>Ausgangsartikel „Model Compression“ (Abschnitt 03); GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), LLM.int8() (Dettmers et al. 2022), FP8-Formate (Micikevicius et al. 2022), Perplexitätstabellen der K-Quants in llama.cpp PR #1684</translation>
    </message>
    <message>
        <source>seed article (section 03); SparseGPT (Frantar &amp; Alistarh 2023), Wanda (Sun et al. 2023)</source>
        <translation>Ausgangsartikel (Abschnitt 03); SparseGPT (Frantar &amp; Alistarh 2023), Wanda (Sun et al. 2023)</translation>
    </message>
    <message>
        <source>seed article (section 03: &apos;a 4x student keeps about 92%&apos;); DistilBERT (Sanh et al. 2019), MiniLLM (Gu et al. 2023), Minitron (Muralidharan et al. 2024)</source>
        <translation>Ausgangsartikel (Abschnitt 03: „ein 4x kleinerer Schüler behält etwa 92 %“); DistilBERT (Sanh et al. 2019), MiniLLM (Gu et al. 2023), Minitron (Muralidharan et al. 2024)</translation>
    </message>
    <message>
        <source>Compression Lab convention; INT4 (0.94) reads &apos;noticeable drift&apos; as in the seed</source>
        <translation>Konvention von Compression Lab; INT4 (0,94) gilt wie im Ausgangsartikel als „spürbare Abweichung“</translation>
    </message>
    <message>
        <source>chosen so the seed&apos;s 8B INT4 8K example reads 5.2 GB (one F32 hidden state per token in context)</source>
        <translation>so gewählt, dass das Beispiel des Ausgangsartikels (8B, INT4, 8K) 5,2 GB ergibt (ein F32-Hidden-State pro Token im Kontext)</translation>
    </message>
    <message>
        <source>Ollama&apos;s per-GPU reserve for the CUDA context and cuBLAS (cudaMinimumMemory = 457 MiB, ollama/ollama discover/gpu.go)</source>
        <translation>Reserve von Ollama pro GPU für den CUDA-Kontext und cuBLAS (cudaMinimumMemory = 457 MiB, ollama/ollama discover/gpu.go)</translation>
    </message>
    <message>
        <source>Ollama&apos;s rocmMinimumMemory = 457 MiB</source>
        <translation>rocmMinimumMemory von Ollama = 457 MiB</translation>
    </message>
    <message>
        <source>none beyond recommendedMaxWorkingSetSize, which the Apple tiers already apply</source>
        <translation>keiner über recommendedMaxWorkingSetSize hinaus, das die Apple-Klassen bereits berücksichtigen</translation>
    </message>
    <message>
        <source>Compression Lab convention: keep 5% free for fragmentation and the prompt&apos;s growth</source>
        <translation>Konvention von Compression Lab: 5 % frei halten für Fragmentierung und das Wachstum des Prompts</translation>
    </message>
</context>
<context>
    <name>EvaluationSetup</name>
    <message>
        <source>the lab runs models of up to %1 parameters in float, %2 has %3; the tensor errors are the measurement</source>
        <translation>das Labor führt Modelle bis %1 Parameter in Gleitkomma aus, %2 hat %3; gemessen werden die Tensorfehler</translation>
    </message>
    <message>
        <source>no tokenizer the lab can use beside %1 (%2); the tensor errors are the measurement</source>
        <translation>neben %1 liegt kein Tokenizer, den das Labor nutzen kann (%2); gemessen werden die Tensorfehler</translation>
    </message>
</context>
<context>
    <name>HardwareTierTable</name>
    <message>
        <source>Phone 6 GB</source>
        <translation>Smartphone 6 GB</translation>
    </message>
    <message>
        <source>iPhone 13/14, mid-range Android</source>
        <translation>iPhone 13/14, Android-Mittelklasse</translation>
    </message>
    <message>
        <source>iOS/Android per-app memory limits leave under half of RAM to one app (Apple increased-memory-limit entitlement; Android low-memory killer), rule of thumb</source>
        <translation>Die Speichergrenzen pro App unter iOS/Android lassen einer App weniger als die Hälfte des RAM (Apple-Entitlement increased-memory-limit; Android Low-Memory-Killer), Faustregel</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 4 GB</source>
        <translation>Raspberry Pi 5 4 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 4 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 4 GB (CPU-Inferenz)</translation>
    </message>
    <message>
        <source>raspberrypi.com product brief; ~1 GB kept by the OS</source>
        <translation>Produktbeschreibung auf raspberrypi.com; ~1 GB belegt das Betriebssystem</translation>
    </message>
    <message>
        <source>Phone 8 GB</source>
        <translation>Smartphone 8 GB</translation>
    </message>
    <message>
        <source>iPhone 15 Pro, iPhone 16, Pixel 8</source>
        <translation>iPhone 15 Pro, iPhone 16, Pixel 8</translation>
    </message>
    <message>
        <source>as Phone 6 GB</source>
        <translation>wie Smartphone 6 GB</translation>
    </message>
    <message>
        <source>Apple Silicon 8 GB</source>
        <translation>Apple Silicon 8 GB</translation>
    </message>
    <message>
        <source>M-series unified memory, RTX 3060 8GB</source>
        <translation>Unified Memory der M-Serie, RTX 3060 8GB</translation>
    </message>
    <message>
        <source>Metal recommendedMaxWorkingSetSize = 2/3 of unified memory on Macs up to 32 GB, as logged by llama.cpp&apos;s ggml_metal_init (e.g. 11453.25 MB on a 16 GB M3)</source>
        <translation>Metal recommendedMaxWorkingSetSize = 2/3 des Unified Memory bei Macs bis 32 GB, wie von ggml_metal_init in llama.cpp protokolliert (z. B. 11453,25 MB bei einem M3 mit 16 GB)</translation>
    </message>
    <message>
        <source>Phone 12 GB</source>
        <translation>Smartphone 12 GB</translation>
    </message>
    <message>
        <source>Galaxy S24 Ultra, Pixel 9 Pro, OnePlus 12</source>
        <translation>Galaxy S24 Ultra, Pixel 9 Pro, OnePlus 12</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 8 GB</source>
        <translation>Raspberry Pi 5 8 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 8 GB, Orange Pi 5 8 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 8 GB, Orange Pi 5 8 GB (CPU-Inferenz)</translation>
    </message>
    <message>
        <source>Consumer GPU 8 GB</source>
        <translation>Consumer-GPU 8 GB</translation>
    </message>
    <message>
        <source>RTX 4060, RTX 3070, RTX 2080, RX 7600</source>
        <translation>RTX 4060, RTX 3070, RTX 2080, RX 7600</translation>
    </message>
    <message>
        <source>vendor memory size; 5% kept by driver, display and fragmentation (rule of thumb)</source>
        <translation>Speichergröße laut Hersteller; 5 % belegen Treiber, Anzeige und Fragmentierung (Faustregel)</translation>
    </message>
    <message>
        <source>Apple Silicon 16 GB</source>
        <translation>Apple Silicon 16 GB</translation>
    </message>
    <message>
        <source>MacBook Air/Pro M1-M4 16 GB, Mac mini 16 GB</source>
        <translation>MacBook Air/Pro M1-M4 16 GB, Mac mini 16 GB</translation>
    </message>
    <message>
        <source>Consumer GPU 12 GB</source>
        <translation>Consumer-GPU 12 GB</translation>
    </message>
    <message>
        <source>RTX 3060 12GB, RTX 4070, RTX 5070, RX 7700 XT</source>
        <translation>RTX 3060 12GB, RTX 4070, RTX 5070, RX 7700 XT</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 16 GB</source>
        <translation>Raspberry Pi 5 16 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 16 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 16 GB (CPU-Inferenz)</translation>
    </message>
    <message>
        <source>raspberrypi.com product brief; ~1.5 GB kept by the OS</source>
        <translation>Produktbeschreibung auf raspberrypi.com; ~1,5 GB belegt das Betriebssystem</translation>
    </message>
    <message>
        <source>Consumer GPU 16 GB</source>
        <translation>Consumer-GPU 16 GB</translation>
    </message>
    <message>
        <source>RTX 4060 Ti 16GB, RTX 4080, RTX 5080, RX 7800 XT, Arc A770</source>
        <translation>RTX 4060 Ti 16GB, RTX 4080, RTX 5080, RX 7800 XT, Arc A770</translation>
    </message>
    <message>
        <source>Apple Silicon 24 GB</source>
        <translation>Apple Silicon 24 GB</translation>
    </message>
    <message>
        <source>MacBook Air/Pro M2-M4 24 GB</source>
        <translation>MacBook Air/Pro M2-M4 24 GB</translation>
    </message>
    <message>
        <source>Apple Silicon 32 GB</source>
        <translation>Apple Silicon 32 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M1/M2 Max 32 GB, Mac Studio 32 GB</source>
        <translation>MacBook Pro M1/M2 Max 32 GB, Mac Studio 32 GB</translation>
    </message>
    <message>
        <source>Consumer GPU 24 GB</source>
        <translation>Consumer-GPU 24 GB</translation>
    </message>
    <message>
        <source>RTX 3090, RTX 4090, RX 7900 XTX</source>
        <translation>RTX 3090, RTX 4090, RX 7900 XTX</translation>
    </message>
    <message>
        <source>Consumer GPU 32 GB</source>
        <translation>Consumer-GPU 32 GB</translation>
    </message>
    <message>
        <source>RTX 5090</source>
        <translation>RTX 5090</translation>
    </message>
    <message>
        <source>Workstation GPU 48 GB</source>
        <translation>Workstation-GPU 48 GB</translation>
    </message>
    <message>
        <source>RTX A6000, RTX 6000 Ada, L40S</source>
        <translation>RTX A6000, RTX 6000 Ada, L40S</translation>
    </message>
    <message>
        <source>2x Consumer GPU 24 GB</source>
        <translation>2x Consumer-GPU 24 GB</translation>
    </message>
    <message>
        <source>2x RTX 3090, 2x RTX 4090 (layer split)</source>
        <translation>2x RTX 3090, 2x RTX 4090 (Aufteilung nach Schichten)</translation>
    </message>
    <message>
        <source>Apple Silicon 64 GB</source>
        <translation>Apple Silicon 64 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M-Max 64 GB, Mac Studio 64 GB</source>
        <translation>MacBook Pro M-Max 64 GB, Mac Studio 64 GB</translation>
    </message>
    <message>
        <source>Metal recommendedMaxWorkingSetSize = 3/4 of unified memory on larger Macs (e.g. 147456 MB on a 192 GB M2 Ultra)</source>
        <translation>Metal recommendedMaxWorkingSetSize = 3/4 des Unified Memory bei größeren Macs (z. B. 147456 MB bei einem M2 Ultra mit 192 GB)</translation>
    </message>
    <message>
        <source>Datacentre GPU 80 GB</source>
        <translation>Rechenzentrums-GPU 80 GB</translation>
    </message>
    <message>
        <source>A100 80GB, H100 80GB</source>
        <translation>A100 80GB, H100 80GB</translation>
    </message>
    <message>
        <source>Workstation GPU 96 GB</source>
        <translation>Workstation-GPU 96 GB</translation>
    </message>
    <message>
        <source>RTX PRO 6000 Blackwell, H100 NVL 94GB</source>
        <translation>RTX PRO 6000 Blackwell, H100 NVL 94GB</translation>
    </message>
    <message>
        <source>Apple Silicon 128 GB</source>
        <translation>Apple Silicon 128 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M3/M4 Max 128 GB</source>
        <translation>MacBook Pro M3/M4 Max 128 GB</translation>
    </message>
    <message>
        <source>Datacentre GPU 141 GB</source>
        <translation>Rechenzentrums-GPU 141 GB</translation>
    </message>
    <message>
        <source>H200 141GB</source>
        <translation>H200 141GB</translation>
    </message>
    <message>
        <source>Apple Silicon 192 GB</source>
        <translation>Apple Silicon 192 GB</translation>
    </message>
    <message>
        <source>Mac Studio / Mac Pro M2 Ultra 192 GB</source>
        <translation>Mac Studio / Mac Pro M2 Ultra 192 GB</translation>
    </message>
    <message>
        <source>Datacentre GPU 192 GB</source>
        <translation>Rechenzentrums-GPU 192 GB</translation>
    </message>
    <message>
        <source>AMD Instinct MI300X</source>
        <translation>AMD Instinct MI300X</translation>
    </message>
    <message>
        <source>4x Datacentre GPU 80 GB</source>
        <translation>4x Rechenzentrums-GPU 80 GB</translation>
    </message>
    <message>
        <source>4x A100 80GB, 4x H100 80GB</source>
        <translation>4x A100 80GB, 4x H100 80GB</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 80 GB</source>
        <translation>8x Rechenzentrums-GPU 80 GB</translation>
    </message>
    <message>
        <source>DGX A100 80GB, DGX H100</source>
        <translation>DGX A100 80GB, DGX H100</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 141 GB</source>
        <translation>8x Rechenzentrums-GPU 141 GB</translation>
    </message>
    <message>
        <source>DGX H200, HGX H200</source>
        <translation>DGX H200, HGX H200</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 192 GB</source>
        <translation>8x Rechenzentrums-GPU 192 GB</translation>
    </message>
    <message>
        <source>8x AMD Instinct MI300X</source>
        <translation>8x AMD Instinct MI300X</translation>
    </message>
</context>
<context>
    <name>LabRecipe</name>
    <message>
        <source>Magnitude (smallest weights)</source>
        <translation>Betrag (kleinste Gewichte)</translation>
    </message>
    <message>
        <source>Wanda (weight × activation)</source>
        <translation>Wanda (Gewicht × Aktivierung)</translation>
    </message>
    <message>
        <source>SparseGPT (second-order)</source>
        <translation>SparseGPT (zweiter Ordnung)</translation>
    </message>
    <message>
        <source>2:4 semi-structured</source>
        <translation>2:4 halbstrukturiert</translation>
    </message>
    <message>
        <source>Structured (whole heads/channels)</source>
        <translation>Strukturiert (ganze Köpfe/Kanäle)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
</context>
<context>
    <name>LandscapeTable</name>
    <message>
        <source>Meta Llama 3.1/3.2 model cards (MMLU 5-shot, pre-trained)</source>
        <translation>Modellkarten von Meta Llama 3.1/3.2 (MMLU 5-shot, vortrainiert)</translation>
    </message>
    <message>
        <source>Qwen2.5 technical report / blog (MMLU, base models)</source>
        <translation>Technischer Bericht / Blog zu Qwen2.5 (MMLU, Basismodelle)</translation>
    </message>
    <message>
        <source>Qwen3 technical report (MMLU, base models)</source>
        <translation>Technischer Bericht zu Qwen3 (MMLU, Basismodelle)</translation>
    </message>
    <message>
        <source>Gemma 2 model card (MMLU 5-shot, pre-trained)</source>
        <translation>Modellkarte von Gemma 2 (MMLU 5-shot, vortrainiert)</translation>
    </message>
    <message>
        <source>Mistral 7B paper (Jiang et al. 2023), MMLU 5-shot</source>
        <translation>Paper zu Mistral 7B (Jiang et al. 2023), MMLU 5-shot</translation>
    </message>
    <message>
        <source>Mistral NeMo announcement (MMLU 5-shot, base)</source>
        <translation>Ankündigung von Mistral NeMo (MMLU 5-shot, Basismodell)</translation>
    </message>
    <message>
        <source>Gemma 3 model card (MMLU 5-shot, pre-trained)</source>
        <translation>Modellkarte von Gemma 3 (MMLU 5-shot, vortrainiert)</translation>
    </message>
    <message>
        <source>Phi-4 technical report (MMLU)</source>
        <translation>Technischer Bericht zu Phi-4 (MMLU)</translation>
    </message>
    <message>
        <source>Mistral Small 3 announcement (MMLU 5-shot, base)</source>
        <translation>Ankündigung von Mistral Small 3 (MMLU 5-shot, Basismodell)</translation>
    </message>
    <message>
        <source>Phi-3 technical report (MMLU 5-shot)</source>
        <translation>Technischer Bericht zu Phi-3 (MMLU 5-shot)</translation>
    </message>
    <message>
        <source>Phi-4-mini technical report (MMLU 5-shot)</source>
        <translation>Technischer Bericht zu Phi-4-mini (MMLU 5-shot)</translation>
    </message>
    <message>
        <source>Mixtral of Experts paper (Jiang et al. 2024), MMLU 5-shot</source>
        <translation>Paper „Mixtral of Experts“ (Jiang et al. 2024), MMLU 5-shot</translation>
    </message>
    <message>
        <source>Mistral Mixtral 8x22B announcement (MMLU 5-shot)</source>
        <translation>Ankündigung von Mistral Mixtral 8x22B (MMLU 5-shot)</translation>
    </message>
</context>
<context>
    <name>complab</name>
    <message>
        <source>FP8 E5M2 is shown as FP8 (the slider&apos;s FP8 is E4M3).</source>
        <translation>FP8 E5M2 wird als FP8 angezeigt (das FP8 des Reglers ist E4M3).</translation>
    </message>
    <message>
        <source>%1 is not on the precision slider; shown as INT%2.</source>
        <translation>%1 gibt es auf dem Präzisionsregler nicht; angezeigt als INT%2.</translation>
    </message>
    <message>
        <source>%1 is not on the precision slider; shown as %2, the nearest in bits per weight.</source>
        <translation>%1 gibt es auf dem Präzisionsregler nicht; angezeigt als %2, das in Bit pro Gewicht am nächsten liegt.</translation>
    </message>
    <message>
        <source>%1 has no place on the precision slider; the slider was left as it was.</source>
        <translation>%1 hat keinen Platz auf dem Präzisionsregler; der Regler blieb unverändert.</translation>
    </message>
    <message>
        <source>Structured pruning is not part of recipe format 1: the file leaves pruning out.</source>
        <translation>Strukturiertes Pruning ist nicht Teil des Rezeptformats 1: Die Datei lässt das Pruning weg.</translation>
    </message>
    <message>
        <source>The recipe keeps every tensor&apos;s stored type; the precision slider was left as it was.</source>
        <translation>Das Rezept behält den gespeicherten Typ jedes Tensors bei; der Präzisionsregler blieb unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n per-tensor rule(s) are kept in the recipe but not shown on the sliders.</source>
        <translation>
            <numerusform>%n tensorbezogene Regel bleibt im Rezept erhalten, wird aber auf den Reglern nicht angezeigt.</numerusform>
            <numerusform>%n tensorbezogene Regeln bleiben im Rezept erhalten, werden aber auf den Reglern nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pruning %1 % is beyond the slider; shown as 90 %.</source>
        <translation>Pruning von %1 % liegt jenseits des Reglers; angezeigt als 90 %.</translation>
    </message>
    <message>
        <source>The %1 pattern is shown as %2 pruning.</source>
        <translation>Das Muster %1 wird als %2-Pruning angezeigt.</translation>
    </message>
    <message>
        <source>Low rank %1 is a fixed rank; the energy slider cannot show it.</source>
        <translation>Niedrigrang %1 ist ein fester Rang; der Energieregler kann ihn nicht darstellen.</translation>
    </message>
    <message>
        <source>Calibration text %1 is kept in the recipe.</source>
        <translation>Der Kalibrierungstext %1 bleibt im Rezept erhalten.</translation>
    </message>
</context>
<context>
    <name>complab::ArithmeticPanel</name>
    <message>
        <source>1 · Footprint</source>
        <translation>1 · Dateigröße</translation>
    </message>
    <message>
        <source>2 · Effective parameters</source>
        <translation>2 · Effektive Parameter</translation>
    </message>
    <message>
        <source>3 · Quality retained</source>
        <translation>3 · Restqualität</translation>
    </message>
    <message>
        <source>Precision is a multiplier on memory: halve the bits, halve the bytes, whatever the architecture.</source>
        <translation>Die Präzision wirkt als Faktor auf den Speicher: halb so viele Bit, halb so viele Bytes, unabhängig von der Architektur.</translation>
    </message>
    <message>
        <source>Pruning subtracts a fraction of the weights; distillation divides their number. Different routes to a similar place.</source>
        <translation>Pruning zieht einen Anteil der Gewichte ab; Destillation teilt ihre Anzahl. Verschiedene Wege zu einem ähnlichen Ziel.</translation>
    </message>
    <message>
        <source>One factor per technique, multiplied: each is below one, so stacking techniques loses faster than any one of them.</source>
        <translation>Ein Faktor pro Technik, miteinander multipliziert: Jeder liegt unter eins, daher verlieren kombinierte Techniken schneller als jede einzelne.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The constants&lt;/b&gt; — rules of thumb, each with its source. Edit one and the equations, the cards and the charts follow.</source>
        <translation>&lt;b&gt;Die Konstanten&lt;/b&gt; — Faustregeln, jede mit ihrer Quelle. Ändern Sie eine, und Gleichungen, Karten und Diagramme ziehen nach.</translation>
    </message>
    <message>
        <source>disk = N&lt;sub&gt;eff&lt;/sub&gt; × bits ÷ 8 = %1 × %2 ÷ 8 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Dateigröße = N&lt;sub&gt;eff&lt;/sub&gt; × Bit ÷ 8 = %1 × %2 ÷ 8 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>N&lt;sub&gt;eff&lt;/sub&gt; = N × (1 − p) ÷ d = %1 × (1 − %2) ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>N&lt;sub&gt;eff&lt;/sub&gt; = N × (1 − p) ÷ d = %1 × (1 − %2) ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>q = q&lt;sub&gt;bits&lt;/sub&gt; × (1 − (%1·p + %2·p³)) × (1 − %3·log₂ d) = %4 × %5 × %6 = &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>q = q&lt;sub&gt;Bit&lt;/sub&gt; × (1 − (%1·p + %2·p³)) × (1 − %3·log₂ d) = %4 × %5 × %6 = &lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>complab::ComparePanel</name>
    <message>
        <source>Compare with another checkpoint…</source>
        <translation>Mit anderem Checkpoint vergleichen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open a second file of the same model (e.g. a GGUF quantised elsewhere) and measure how far each of its tensors is from the open one</source>
        <translation>Eine zweite Datei desselben Modells öffnen (z. B. ein anderswo quantisiertes GGUF) und messen, wie weit jeder ihrer Tensoren vom geöffneten abweicht</translation>
    </message>
    <message>
        <source>Compare mode: open a model, then a second checkpoint of the same model.</source>
        <translation>Vergleichsmodus: Öffnen Sie ein Modell, dann einen zweiten Checkpoint desselben Modells.</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Rel. Fehler</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>Max error</source>
        <translation>Max. Fehler</translation>
    </message>
    <message>
        <source>Stored type in the open file → in the other file</source>
        <translation>Gespeicherter Typ in der geöffneten Datei → in der anderen Datei</translation>
    </message>
    <message>
        <source>‖A − B‖ / ‖A‖, A the open file&apos;s tensor</source>
        <translation>‖A − B‖ / ‖A‖, A ist der Tensor der geöffneten Datei</translation>
    </message>
    <message>
        <source>The largest difference of one weight</source>
        <translation>Die größte Abweichung eines einzelnen Gewichts</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>Geöffnete Datei</translation>
    </message>
    <message>
        <source>Other checkpoint</source>
        <translation>Andere Datei</translation>
    </message>
    <message>
        <source>Histograms of the selected pair</source>
        <translation>Histogramme des gewählten Paars</translation>
    </message>
    <message>
        <source>%1
value %2: %3 weights</source>
        <translation>%1
Wert %2: %3 Gewichte</translation>
    </message>
    <message>
        <source>Comparison stopped.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>Compare %1 with a second checkpoint of the same model.</source>
        <translation>%1 mit einem zweiten Checkpoint desselben Modells vergleichen.</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.gguf *.h5 *.hdf5 *.bin *.json);;All files (*)</source>
        <translation>Checkpoints (*.safetensors *.gguf *.h5 *.hdf5 *.bin *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Comparing with %1…</source>
        <translation>Vergleich mit %1…</translation>
    </message>
    <message>
        <source>Comparing with %1</source>
        <translation>Vergleich mit %1</translation>
    </message>
    <message>
        <source>%1
%2 in the other file</source>
        <translation>%1
%2 in der anderen Datei</translation>
    </message>
    <message>
        <source>; q/k rows put in one order before comparing (the files use different rotary layouts)</source>
        <translation>; q/k-Zeilen vor dem Vergleich in dieselbe Reihenfolge gebracht (die Dateien nutzen verschiedene Rotary-Layouts)</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 against %2&lt;/b&gt;: %3 tensors compared (%4 weights), relative error %5 overall.</source>
        <translation>&lt;b&gt;%1 gegen %2&lt;/b&gt;: %3 Tensoren verglichen (%4 Gewichte), relativer Fehler insgesamt %5.</translation>
    </message>
    <message>
        <source> Worst: %1.</source>
        <translation> Am schlechtesten: %1.</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source> Only in the open file: %1.</source>
        <translation> Nur in der geöffneten Datei: %1.</translation>
    </message>
    <message>
        <source> Only in %1: %2.</source>
        <translation> Nur in %1: %2.</translation>
    </message>
    <message>
        <source> Not compared: %1.</source>
        <translation> Nicht verglichen: %1.</translation>
    </message>
    <message>
        <source>open file</source>
        <translation>geöffnete Datei</translation>
    </message>
    <message>
        <source>other file</source>
        <translation>andere Datei</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;relative error %2, SQNR %3</source>
        <translation>%1&lt;br&gt;relativer Fehler %2, SQNR %3</translation>
    </message>
</context>
<context>
    <name>complab::ConstantsModel</name>
    <message>
        <source>%1 (%2)
Sources: %3</source>
        <translation>%1 (%2)
Quellen: %3</translation>
    </message>
    <message>
        <source>%1 not changed: %2</source>
        <translation>%1 nicht geändert: %2</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>complab::ConstantsPanel</name>
    <message>
        <source>Runtime profile of the VRAM estimate</source>
        <translation>Laufzeitprofil der VRAM-Schätzung</translation>
    </message>
    <message>
        <source>First-order is the textbook sum (weights + KV cache + activations). llama.cpp adds what it really allocates: compute buffers sized by its graph and a per-GPU runtime reserve.</source>
        <translation>Die erste Näherung ist die Lehrbuchsumme (Gewichte + KV-Cache + Aktivierungen). llama.cpp rechnet hinzu, was es tatsächlich belegt: Rechenpuffer, bemessen nach seinem Graphen, und eine Laufzeitreserve pro GPU.</translation>
    </message>
    <message>
        <source>Double-click a value (or press F2) to change it; the whole lab follows at once. Bold values differ from their defaults.</source>
        <translation>Doppelklicken Sie auf einen Wert (oder drücken Sie F2), um ihn zu ändern; das ganze Labor folgt sofort. Fett gedruckte Werte weichen vom Standard ab.</translation>
    </message>
    <message>
        <source>Rule-of-thumb &amp;constants</source>
        <translation>&amp;Faustregel-Konstanten</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>Standardwerte &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Put every constant back to the value from the seed article and the published results.</source>
        <translation>Setzt jede Konstante auf den Wert aus dem Ausgangsartikel und den veröffentlichten Ergebnissen zurück.</translation>
    </message>
    <message>
        <source>&amp;First-order (the seed&apos;s sum): %1</source>
        <translation>&amp;Erste Näherung (Vorlage): %1</translation>
    </message>
    <message>
        <source>&amp;llama.cpp (its allocations): %1</source>
        <translation>&amp;llama.cpp (seine Allokationen): %1</translation>
    </message>
</context>
<context>
    <name>complab::DecisionGuidePanel</name>
    <message>
        <source>&amp;Use this recipe</source>
        <translation>Rezept &amp;übernehmen</translation>
    </message>
    <message>
        <source>Common situations and what people reach for first. Choose one, then press “Use this recipe” (or double-click) to load it into the sliders.</source>
        <translation>Häufige Situationen und das Mittel der ersten Wahl. Wählen Sie eine aus und drücken Sie „Rezept übernehmen“ (oder doppelklicken Sie), um sie in die Regler zu laden.</translation>
    </message>
    <message>
        <source>Situations</source>
        <translation>Situationen</translation>
    </message>
    <message>
        <source>Set the sliders to this situation&apos;s recipe; the model size stays as it is.</source>
        <translation>Stellt die Regler auf das Rezept dieser Situation; die Modellgröße bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>&amp;Situation</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;First reach for:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caveat:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Erste Wahl:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Einschränkung:&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;First reach for:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caveat:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recipe set:&lt;/b&gt; %3; pruning %4; student %5× smaller; context %6 tokens; KV cache %7.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Source: %8&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Erste Wahl:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Einschränkung:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gesetztes Rezept:&lt;/b&gt; %3; Pruning %4; Schülermodell %5× kleiner; Kontext %6 Token; KV-Cache %7.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Quelle: %8&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>complab::EstimateChartView</name>
    <message>
        <source>Hover over points and bars for values; right-click to export the chart or its data.</source>
        <translation>Für Werte mit der Maus auf Punkte und Balken zeigen; Rechtsklick exportiert das Diagramm oder seine Daten.</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Export as &amp;PNG image…</source>
        <translation>Als &amp;PNG-Bild exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG drawing…</source>
        <translation>Als &amp;SVG-Grafik exportieren…</translation>
    </message>
    <message>
        <source>Export data as &amp;CSV…</source>
        <translation>Daten als &amp;CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>complab::EstimateCharts</name>
    <message>
        <source>&amp;VRAM</source>
        <translation>&amp;VRAM</translation>
    </message>
    <message>
        <source>Memory the recipe needs, term by term, under both runtime profiles, with the budgets of nearby devices and the fit device.</source>
        <translation>Speicher, den das Rezept braucht, Posten für Posten, unter beiden Laufzeitprofilen, mit den Budgets benachbarter Geräte und des geplanten Geräts.</translation>
    </message>
    <message>
        <source>VRAM vs &amp;context</source>
        <translation>VRAM vs. &amp;Kontext</translation>
    </message>
    <message>
        <source>How memory grows with the context length for each KV-cache format.</source>
        <translation>Wie der Speicher mit der Kontextlänge wächst, für jedes KV-Cache-Format.</translation>
    </message>
    <message>
        <source>&amp;Footprint</source>
        <translation>&amp;Dateigröße</translation>
    </message>
    <message>
        <source>Weights on disk at every precision, next to the FP32 baseline.</source>
        <translation>Gewichte auf dem Datenträger bei jeder Präzision, neben der FP32-Basis.</translation>
    </message>
    <message>
        <source>&amp;Quality curves</source>
        <translation>&amp;Qualitätskurven</translation>
    </message>
    <message>
        <source>The three rule-of-thumb factors, each with this recipe marked.</source>
        <translation>Die drei Faustregel-Faktoren, jeweils mit diesem Rezept markiert.</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>Modell&amp;landschaft</translation>
    </message>
    <message>
        <source>Published open models by size and benchmark quality, and where this recipe lands.</source>
        <translation>Veröffentlichte offene Modelle nach Größe und Benchmark-Qualität, und wo dieses Rezept landet.</translation>
    </message>
</context>
<context>
    <name>complab::FitPanel</name>
    <message>
        <source>The device to plan for. Its usable memory is what one program may allocate on it, less a safety margin.</source>
        <translation>Das Gerät, für das geplant wird. Sein nutzbarer Speicher ist, was ein Programm darauf belegen darf, abzüglich einer Sicherheitsreserve.</translation>
    </message>
    <message>
        <source>D&amp;evice</source>
        <translation>G&amp;erät</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Dieses Rezept</translation>
    </message>
    <message>
        <source>Green: fits with room to spare (at most 85 % of the budget). Amber: fits, but tightly. Red: does not fit.</source>
        <translation>Grün: passt mit Luft (höchstens 85 % des Budgets). Gelb: passt, aber knapp. Rot: passt nicht.</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source>Usable memory of the device less the headroom constant: the most an estimate may need to fit.</source>
        <translation>Nutzbarer Speicher des Geräts abzüglich der Reserve-Konstante: das Höchste, was eine Schätzung brauchen darf, um zu passen.</translation>
    </message>
    <message>
        <source>Longest context that fits</source>
        <translation>Längster Kontext</translation>
    </message>
    <message>
        <source>With everything else as in the recipe, how many tokens of context the device can hold.</source>
        <translation>Wie viele Token Kontext das Gerät fassen kann, wenn alles andere wie im Rezept bleibt.</translation>
    </message>
    <message>
        <source>Best scheme that fits</source>
        <translation>Bestes Schema</translation>
    </message>
    <message>
        <source>The weight format of highest estimated quality that fits at the recipe&apos;s context.</source>
        <translation>Das Gewichtsformat mit der höchsten geschätzten Qualität, das bei der Kontextlänge des Rezepts passt.</translation>
    </message>
    <message>
        <source>Largest model that fits</source>
        <translation>Größtes Modell</translation>
    </message>
    <message>
        <source>The biggest real model in the lab&apos;s table that fits with this recipe&apos;s precision, pruning and context.</source>
        <translation>Das größte reale Modell aus der Tabelle des Labors, das mit Präzision, Pruning und Kontext dieses Rezepts passt.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Put this answer into the recipe.</source>
        <translation>Diese Antwort ins Rezept übernehmen.</translation>
    </message>
    <message>
        <source>Use: %1</source>
        <translation>Übernehmen: %1</translation>
    </message>
    <message>
        <source>fits comfortably (%1 of the budget)</source>
        <translation>passt bequem (%1 des Budgets)</translation>
    </message>
    <message>
        <source>fits, but tightly (%1 of the budget)</source>
        <translation>passt, aber knapp (%1 des Budgets)</translation>
    </message>
    <message>
        <source>does not fit (%1 of the budget)</source>
        <translation>passt nicht (%1 des Budgets)</translation>
    </message>
    <message>
        <source>%1 of %2 usable</source>
        <translation>%1 von %2 nutzbar</translation>
    </message>
    <message>
        <source>none: not even one token fits</source>
        <translation>keiner: nicht einmal ein Token passt</translation>
    </message>
    <message>
        <source>%1 tokens (the model&apos;s own maximum)</source>
        <translation>%1 Token (das Maximum des Modells)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>none fits</source>
        <translation>keines passt</translation>
    </message>
    <message>
        <source>%1 (%2 parameters)</source>
        <translation>%1 (%2 Parameter)</translation>
    </message>
</context>
<context>
    <name>complab::HotSpotsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bit/Gewicht</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Relativer Fehler</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖: the share of the tensor&apos;s norm the recipe changes</source>
        <translation>‖W − Ŵ‖ / ‖W‖: der Anteil der Tensornorm, den das Rezept verändert</translation>
    </message>
    <message>
        <source>Signal-to-quantisation-noise ratio, in dB</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis, in dB</translation>
    </message>
    <message>
        <source>Measuring stopped; change the recipe or show this tab again to measure.</source>
        <translation>Messung abgebrochen; ändern Sie das Rezept oder zeigen Sie diesen Tab erneut an, um zu messen.</translation>
    </message>
    <message>
        <source>Open a model to rank its tensors by the error the recipe leaves in them.</source>
        <translation>Öffnen Sie ein Modell, um seine Tensoren nach dem Fehler zu ordnen, den das Rezept in ihnen hinterlässt.</translation>
    </message>
    <message>
        <source>Measuring every tensor under the recipe…</source>
        <translation>Alle Tensoren werden unter dem Rezept gemessen…</translation>
    </message>
    <message>
        <source>The recipe cannot be measured: %1</source>
        <translation>Das Rezept lässt sich nicht messen: %1</translation>
    </message>
    <message>
        <source>Measuring every tensor under the recipe</source>
        <translation>Messung aller Tensoren unter dem Rezept</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>keep as is</source>
        <translation>Originaltyp</translation>
    </message>
    <message>
        <source>Keep at %1</source>
        <translation>%1 behalten</translation>
    </message>
    <message>
        <source>Keep this tensor at higher precision: adds a rule to the recipe storing %1 as %2; the ranking and charts are measured again.</source>
        <translation>Diesen Tensor in höherer Präzision behalten: fügt dem Rezept eine Regel hinzu, die %1 als %2 speichert; Rangfolge und Diagramme werden neu gemessen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole model under this recipe&lt;/b&gt;: %1 of %2 tensors changed, %3 instead of %4 (%5 bits/weight on average, scales included).</source>
        <translation>&lt;b&gt;Ganzes Modell unter diesem Rezept&lt;/b&gt;: %1 von %2 Tensoren verändert, %3 statt %4 (im Mittel %5 Bit/Gewicht, Skalen eingerechnet).</translation>
    </message>
    <message>
        <source> Worst: %1 at %2 relative error.</source>
        <translation> Am schlechtesten: %1 mit %2 relativem Fehler.</translation>
    </message>
    <message>
        <source> %1 tensors are stored unchanged and not listed.</source>
        <translation> %1 Tensoren werden unverändert gespeichert und nicht aufgeführt.</translation>
    </message>
    <message>
        <source> &lt;i&gt;Measured on this checkpoint.&lt;/i&gt;</source>
        <translation> &lt;i&gt;An diesem Checkpoint gemessen.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>complab::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>complab::MainWindow</name>
    <message>
        <source>Compression Lab</source>
        <translation>Compression Lab</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>Fit a device</source>
        <translation>Geräteplanung</translation>
    </message>
    <message>
        <source>Decision guide</source>
        <translation>Entscheidungshilfe</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tensor statistics</source>
        <translation>Tensorstatistik</translation>
    </message>
    <message>
        <source>Measured on this checkpoint</source>
        <translation>An diesem Checkpoint gemessen</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masken</translation>
    </message>
    <message>
        <source>Which weights magnitude, 2:4 and structured pruning remove</source>
        <translation>Welche Gewichte Betrags-, 2:4- und strukturiertes Pruning entfernen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>The open checkpoint against a second one of the same model</source>
        <translation>Der geöffnete Checkpoint gegen einen zweiten desselben Modells</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Perplexity and top-token agreement measured at INT2…INT8 beside the rule of thumb, and per-layer sensitivity</source>
        <translation>Perplexität und Top-Token-Übereinstimmung, gemessen bei INT2…INT8 neben der Faustregel, und die Empfindlichkeit je Schicht</translation>
    </message>
    <message>
        <source>Compress the whole model with the recipe and save the result</source>
        <translation>Das ganze Modell mit dem Rezept komprimieren und das Ergebnis speichern</translation>
    </message>
    <message>
        <source>Measured by Run: same top token %1, perplexity %2%3</source>
        <translation>Gemessen im Lauf: gleiches Top-Token %1, Perplexität %2%3</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>Hotspots</translation>
    </message>
    <message>
        <source>Every tensor of the model under the recipe, worst first, with a button to keep it at higher precision</source>
        <translation>Jeder Tensor des Modells unter dem Rezept, der schlechteste zuerst, mit einer Schaltfläche, um ihn in höherer Präzision zu behalten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Das Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint File…</source>
        <translation>Checkpoint-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a .safetensors, .gguf, .h5 or llama2.c .bin file.</source>
        <translation>Eine .safetensors-, .gguf-, .h5- oder llama2.c-.bin-Datei öffnen.</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Modell&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Model</source>
        <translation>&amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <source>The bundled sample model was not found next to the program.</source>
        <translation>Das mitgelieferte Beispielmodell wurde neben dem Programm nicht gefunden.</translation>
    </message>
    <message>
        <source>Open Re&amp;cipe…</source>
        <translation>&amp;Rezept öffnen…</translation>
    </message>
    <message>
        <source>Set the sliders from a recipe file (.json) saved by the lab or the command line.</source>
        <translation>Die Regler aus einer Rezeptdatei (.json) setzen, die das Labor oder die Kommandozeile gespeichert hat.</translation>
    </message>
    <message>
        <source>&amp;Save Recipe As…</source>
        <translation>Rezept speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the sliders and constants as a recipe: reopen it here, or run it with compression-lab-cli apply.</source>
        <translation>Regler und Konstanten als Rezept speichern: hier wieder öffnen oder mit compression-lab-cli apply ausführen.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Be&amp;enden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Compression Lab</source>
        <translation>Ü&amp;ber Compression Lab</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Compression Lab starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Compression Lab.</translation>
    </message>
    <message>
        <source>About Compression Lab</source>
        <translation>Über Compression Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Compression Lab %1&lt;/h3&gt;&lt;p&gt;A laboratory for compressing language models: open a checkpoint, inspect its tensors, and see what quantisation, pruning, distillation and low-rank factorisation would do to its size, memory and quality. Figures marked “estimate” come from rules of thumb with their sources in the Constants pane.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt; Qt 6 (LGPL 3; Qt Charts under GPL 3), Eigen (MPL 2.0), oneTBB (Apache 2.0), HDF5 (BSD-style HDF5 licence), nlohmann/json (MIT), CLI11 (BSD 3-clause).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sample model&lt;/b&gt; lab-tinystories: a small Llama-architecture model trained for this project and shipped with it. Its training text is from TinyStories (Ronen Eldan and Yuanzhi Li, 2023), licensed CDLA-Sharing-1.0.&lt;/p&gt;&lt;p&gt;The lab&apos;s ideas and constants follow the “Model Compression” explainer and the papers named beside each constant.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Compression Lab %1&lt;/h3&gt;&lt;p&gt;Ein Labor zum Komprimieren von Sprachmodellen: Öffnen Sie einen Checkpoint, untersuchen Sie seine Tensoren und sehen Sie, was Quantisierung, Pruning, Destillation und Niedrigrang-Zerlegung mit Größe, Speicherbedarf und Qualität machen würden. Mit „Schätzung“ markierte Werte stammen aus Faustregeln, deren Quellen im Bereich „Konstanten“ stehen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erstellt mit&lt;/b&gt; Qt 6 (LGPL 3; Qt Charts unter GPL 3), Eigen (MPL 2.0), oneTBB (Apache 2.0), HDF5 (BSD-artige HDF5-Lizenz), nlohmann/json (MIT), CLI11 (BSD 3-clause).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Beispielmodell&lt;/b&gt; lab-tinystories: ein kleines Modell mit Llama-Architektur, für dieses Projekt trainiert und mit ihm ausgeliefert. Sein Trainingstext stammt aus TinyStories (Ronen Eldan und Yuanzhi Li, 2023), lizenziert unter CDLA-Sharing-1.0.&lt;/p&gt;&lt;p&gt;Ideen und Konstanten des Labors folgen dem Erklärtext „Model Compression“ und den Arbeiten, die neben jeder Konstante genannt sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Grafiken (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Open Checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;All files (*)</source>
        <translation>Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <source>Open Recipe</source>
        <translation>Rezept öffnen</translation>
    </message>
    <message>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>Rezepte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Recipe</source>
        <translation>Rezept speichern</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>Rezepte (*.json)</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large to be a recipe.</source>
        <translation>%1 ist %2 MB groß, zu groß für ein Rezept.</translation>
    </message>
    <message>
        <source>Cannot open the recipe: %1</source>
        <translation>Das Rezept lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>The recipe was made for %1, which is not on this machine.</source>
        <translation>Das Rezept wurde für %1 erstellt, das es auf diesem Rechner nicht gibt.</translation>
    </message>
    <message>
        <source>Opened recipe %1</source>
        <translation>Rezept %1 geöffnet</translation>
    </message>
    <message>
        <source>Saved recipe %1</source>
        <translation>Rezept %1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot save the recipe to %1: %2</source>
        <translation>Das Rezept lässt sich nicht unter %1 speichern: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>%1 is now stored as %2: a per-tensor rule of the recipe (File ▸ Save Recipe writes it).</source>
        <translation>%1 wird jetzt als %2 gespeichert: eine tensorbezogene Regel des Rezepts (Datei ▸ Rezept speichern unter schreibt sie).</translation>
    </message>
    <message>
        <source>%1 has no tensor named %2.</source>
        <translation>%1 hat keinen Tensor namens %2.</translation>
    </message>
    <message>
        <source>%1 — Compression Lab</source>
        <translation>%1 — Compression Lab</translation>
    </message>
    <message>
        <source>Opened %1 in %2 ms</source>
        <translation>%1 in %2 ms geöffnet</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Measure the recipe on the open model and write a report: an HTML page or a PDF with the charts, or the measurements as CSV or HDF5.</source>
        <translation>Das Rezept am geöffneten Modell messen und einen Bericht schreiben: eine HTML-Seite oder ein PDF mit den Diagrammen, oder die Messwerte als CSV oder HDF5.</translation>
    </message>
    <message>
        <source>Open a model first: the report measures the recipe on its tensors.</source>
        <translation>Öffnen Sie zuerst ein Modell: Der Bericht misst das Rezept an seinen Tensoren.</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML page (*.html);;PDF document (*.pdf);;Measurements as CSV (*.csv);;Measurements as HDF5 (*.h5)</source>
        <translation>HTML-Seite (*.html);;PDF-Dokument (*.pdf);;Messwerte als CSV (*.csv);;Messwerte als HDF5 (*.h5)</translation>
    </message>
    <message>
        <source>Cannot make a report of this recipe: %1</source>
        <translation>Für dieses Rezept lässt sich kein Bericht erstellen: %1</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;Workshop</translation>
    </message>
    <message>
        <source>The lab as a lesson in seven chapters, live on the open model</source>
        <translation>Das Labor als Lektion in sieben Kapiteln, live am geöffneten Modell</translation>
    </message>
    <message>
        <source>&amp;Present the Workshop</source>
        <translation>Workshop &amp;präsentieren</translation>
    </message>
    <message>
        <source>The workshop full screen in large type; arrow keys move between chapters</source>
        <translation>Der Workshop im Vollbild mit großer Schrift; die Pfeiltasten wechseln zwischen den Kapiteln</translation>
    </message>
</context>
<context>
    <name>complab::MeasuredCharts</name>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>Weights (log scale)</source>
        <translation>Gewichte (log.)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop measuring this tensor</source>
        <translation>Messung dieses Tensors abbrechen</translation>
    </message>
    <message>
        <source>Measuring stopped; move a slider or pick a tensor to measure again.</source>
        <translation>Messung abgebrochen; bewegen Sie einen Regler oder wählen Sie einen Tensor, um erneut zu messen.</translation>
    </message>
    <message>
        <source>Open a model and select a tensor to see what the recipe does to its values.</source>
        <translation>Öffnen Sie ein Modell und wählen Sie einen Tensor, um zu sehen, was das Rezept mit seinen Werten macht.</translation>
    </message>
    <message>
        <source>Select a tensor to see what the recipe does to its values.</source>
        <translation>Wählen Sie einen Tensor, um zu sehen, was das Rezept mit seinen Werten macht.</translation>
    </message>
    <message>
        <source>Bits per weight, scales included</source>
        <translation>Bit pro Gewicht, Skalen eingerechnet</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Relativer Fehler</translation>
    </message>
    <message>
        <source>Error/bits</source>
        <translation>Fehler/Bit</translation>
    </message>
    <message>
        <source>Every scheme the lab has, measured on the selected tensor: fewer bits, more error. The integer line shows the cliff below 4 bits.</source>
        <translation>Jedes Schema des Labors, gemessen am gewählten Tensor: weniger Bit, mehr Fehler. Die Integer-Linie zeigt den Absturz unter 4 Bit.</translation>
    </message>
    <message>
        <source>INT2–INT8, groups of 128</source>
        <translation>INT2–INT8, Gruppen zu 128</translation>
    </message>
    <message>
        <source>GGUF blocks (llama.cpp)</source>
        <translation>GGUF-Blöcke (llama.cpp)</translation>
    </message>
    <message>
        <source>NF4, FP8, MXFP4, F16</source>
        <translation>NF4, FP8, MXFP4, F16</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Dieses Rezept</translation>
    </message>
    <message>
        <source>%1: %2 bits/weight
relative error %3, SQNR %4</source>
        <translation>%1: %2 Bit/Gewicht
relativer Fehler %3, SQNR %4</translation>
    </message>
    <message>
        <source>This recipe on %1: %2 bits/weight
relative error %3, SQNR %4</source>
        <translation>Dieses Rezept auf %1: %2 Bit/Gewicht
relativer Fehler %3, SQNR %4</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>How the selected tensor&apos;s weights are spread, before and after the recipe, with the values one quantisation group can store drawn as vertical lines.</source>
        <translation>Wie die Gewichte des gewählten Tensors verteilt sind, vor und nach dem Rezept; die Werte, die eine Quantisierungsgruppe speichern kann, als senkrechte Linien.</translation>
    </message>
    <message>
        <source>Original weights</source>
        <translation>Originalgewichte</translation>
    </message>
    <message>
        <source>After the recipe</source>
        <translation>Nach dem Rezept</translation>
    </message>
    <message>
        <source>%1
value %2: %3 weights</source>
        <translation>%1
Wert %2: %3 Gewichte</translation>
    </message>
    <message>
        <source>Error per weight (stored − original)</source>
        <translation>Fehler pro Gewicht (gespeichert − original)</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Rundung</translation>
    </message>
    <message>
        <source>The histogram of what the recipe changed in each weight of the selected tensor.</source>
        <translation>Das Histogramm dessen, was das Rezept an jedem Gewicht des gewählten Tensors verändert hat.</translation>
    </message>
    <message>
        <source>Error of each weight</source>
        <translation>Fehler jedes Gewichts</translation>
    </message>
    <message>
        <source>error %1: %2 weights</source>
        <translation>Fehler %1: %2 Gewichte</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>One row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>A stretch of one row of the selected tensor (the row with its largest weight): the original signal and what the recipe stores.</source>
        <translation>Ein Abschnitt einer Zeile des gewählten Tensors (der Zeile mit seinem größten Gewicht): das Originalsignal und was das Rezept speichert.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Stored by the recipe</source>
        <translation>Vom Rezept gespeichert</translation>
    </message>
    <message>
        <source>%1
column %2: %3</source>
        <translation>%1
Spalte %2: %3</translation>
    </message>
    <message>
        <source>Rank (singular value number)</source>
        <translation>Rang (Nummer des Singulärwerts)</translation>
    </message>
    <message>
        <source>Singular value</source>
        <translation>Singulärwert</translation>
    </message>
    <message>
        <source>Energy kept (%)</source>
        <translation>Energie (%)</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>The singular values of the selected tensor and the share of its energy (squared Frobenius norm) the first r of them keep: how far a low-rank factorisation can go.</source>
        <translation>Die Singulärwerte des gewählten Tensors und der Anteil seiner Energie (quadrierte Frobeniusnorm), den die ersten r davon erhalten: wie weit eine Niedrigrang-Zerlegung gehen kann.</translation>
    </message>
    <message>
        <source>Singular value σᵢ</source>
        <translation>Singulärwert σᵢ</translation>
    </message>
    <message>
        <source>Energy kept by the first r (%)</source>
        <translation>Von den ersten r erhaltene Energie (%)</translation>
    </message>
    <message>
        <source>The recipe&apos;s rank</source>
        <translation>Rang des Rezepts</translation>
    </message>
    <message>
        <source>σ%1 = %2</source>
        <translation>σ%1 = %2</translation>
    </message>
    <message>
        <source>the first %1 keep %2 % of the energy</source>
        <translation>die ersten %1 erhalten %2 % der Energie</translation>
    </message>
    <message>
        <source>Singular values of %1</source>
        <translation>Singulärwerte von %1</translation>
    </message>
    <message>
        <source>all %1 singular values</source>
        <translation>alle %1 Singulärwerte</translation>
    </message>
    <message>
        <source>the leading %1 (randomized SVD)</source>
        <translation>die größten %1 (randomisierte SVD)</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;low rank is off in this recipe</source>
        <translation>Spektrum von %1: %2&lt;br&gt;Niedrigrang ist in diesem Rezept aus</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;%3 % of the energy needs more than these</source>
        <translation>Spektrum von %1: %2&lt;br&gt;%3 % der Energie brauchen mehr als diese</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;keeping %3 % of the energy takes rank %4 of %5</source>
        <translation>Spektrum von %1: %2&lt;br&gt;%3 % der Energie zu erhalten erfordert Rang %4 von %5</translation>
    </message>
    <message>
        <source>The recipe cannot be measured: %1</source>
        <translation>Das Rezept lässt sich nicht messen: %1</translation>
    </message>
    <message>
        <source>Measuring %1 under the recipe…</source>
        <translation>%1 wird unter dem Rezept gemessen…</translation>
    </message>
    <message>
        <source>Measuring %1</source>
        <translation>Messung von %1</translation>
    </message>
    <message>
        <source>Measuring every scheme on %1</source>
        <translation>Messung aller Schemata an %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) under this recipe: %3, %4 bits/weight — RMS error %5, relative error %6, SQNR %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) unter diesem Rezept: %3, %4 Bit/Gewicht — RMS-Fehler %5, relativer Fehler %6, SQNR %7</translation>
    </message>
    <message>
        <source>, %1 of the weights stored as exactly zero</source>
        <translation>, %1 der Gewichte als exakt null gespeichert</translation>
    </message>
    <message>
        <source>. &lt;i&gt;Measured on this checkpoint.&lt;/i&gt;</source>
        <translation>. &lt;i&gt;An diesem Checkpoint gemessen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) is stored unchanged as %3%4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) wird unverändert als %3%4 gespeichert.</translation>
    </message>
    <message>
        <source>Grid: %1 levels of one group</source>
        <translation>Raster: %1 Stufen einer Gruppe</translation>
    </message>
    <message>
        <source> (%1 levels, too many to draw)</source>
        <translation> (%1 Stufen, zu viele zum Zeichnen)</translation>
    </message>
    <message>
        <source>&lt;br&gt;not quantised: no grid</source>
        <translation>&lt;br&gt;nicht quantisiert: kein Raster</translation>
    </message>
    <message>
        <source>Weights of %1, before and after%2</source>
        <translation>Gewichte von %1, vorher und nachher%2</translation>
    </message>
    <message>
        <source>What the recipe changed in each weight of %1&lt;br&gt;RMS error %2, largest %3</source>
        <translation>Was das Rezept an jedem Gewicht von %1 verändert hat&lt;br&gt;RMS-Fehler %2, größter %3</translation>
    </message>
    <message>
        <source>%1 is stored unchanged: every error is zero</source>
        <translation>%1 wird unverändert gespeichert: jeder Fehler ist null</translation>
    </message>
    <message>
        <source>Row %1 of %2, columns %3–%4: original and stored&lt;br&gt;RMS error in this stretch %5</source>
        <translation>Zeile %1 von %2, Spalten %3–%4: original und gespeichert&lt;br&gt;RMS-Fehler in diesem Abschnitt %5</translation>
    </message>
    <message>
        <source>Reconstruction error against bits: %1 schemes measured on %2</source>
        <translation>Rekonstruktionsfehler gegen Bit: %1 Schemata an %2 gemessen</translation>
    </message>
    <message>
        <source>Reconstruction error against bits (select a tensor)</source>
        <translation>Rekonstruktionsfehler gegen Bit (Tensor wählen)</translation>
    </message>
    <message>
        <source>Weights before and after the recipe (select a tensor)</source>
        <translation>Gewichte vor und nach dem Rezept (Tensor wählen)</translation>
    </message>
    <message>
        <source>Error of each weight (select a tensor)</source>
        <translation>Fehler jedes Gewichts (Tensor wählen)</translation>
    </message>
    <message>
        <source>One row, original and stored (select a tensor)</source>
        <translation>Eine Zeile, original und gespeichert (Tensor wählen)</translation>
    </message>
    <message>
        <source>Singular values and energy (select a tensor)</source>
        <translation>Singulärwerte und Energie (Tensor wählen)</translation>
    </message>
    <message>
        <source>the whole tensor</source>
        <translation>im ganzen Tensor</translation>
    </message>
    <message>
        <source>row %1, columns %2–%3</source>
        <translation>in Zeile %1, Spalten %2–%3</translation>
    </message>
    <message>
        <source>%1: the group is all zero, one level (0) in %2</source>
        <translation>%1: Die Gruppe ist vollständig null, eine Stufe (0) %2</translation>
    </message>
    <message>
        <source>%1: %2 levels %3 apart in %4</source>
        <translation>%1: %2 Stufen im Abstand %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 levels from %3 to %4 in %5</source>
        <translation>%1: %2 Stufen von %3 bis %4 %5</translation>
    </message>
</context>
<context>
    <name>complab::MemoryCharts</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>VRAM required, term by term, against device budgets</source>
        <translation>Benötigter VRAM, Posten für Posten, gegen Gerätebudgets</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Runtime overhead</source>
        <translation>Laufzeit-Overhead</translation>
    </message>
    <message>
        <source>Runtime profile</source>
        <translation>Laufzeitprofil</translation>
    </message>
    <message>
        <source>first-order</source>
        <translation>erste Näherung</translation>
    </message>
    <message>
        <source>llama.cpp</source>
        <translation>llama.cpp</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>Speicher (GB)</translation>
    </message>
    <message>
        <source>Compute buffer</source>
        <translation>Rechenpuffer</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>VRAM against context length: where the KV cache overtakes the weights</source>
        <translation>VRAM gegen Kontextlänge: wo der KV-Cache die Gewichte überholt</translation>
    </message>
    <message>
        <source>Context length (K tokens, log scale)</source>
        <translation>Kontextlänge (K Token, log. Skala)</translation>
    </message>
    <message>
        <source>%1
%2 tokens: %3</source>
        <translation>%1
%2 Token: %3</translation>
    </message>
    <message>
        <source>Total VRAM, KV cache %1</source>
        <translation>VRAM gesamt, KV-Cache %1</translation>
    </message>
    <message>
        <source>Weights alone</source>
        <translation>Nur Gewichte</translation>
    </message>
    <message>
        <source>KV cache alone (chosen type)</source>
        <translation>Nur KV-Cache (gewählter Typ)</translation>
    </message>
    <message>
        <source>KV cache overtakes the weights</source>
        <translation>KV-Cache überholt die Gewichte</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Dieses Rezept</translation>
    </message>
    <message>
        <source>Weights on disk for each precision, against the FP32 baseline</source>
        <translation>Gewichte auf dem Datenträger je Präzision, gegen die FP32-Basis</translation>
    </message>
    <message>
        <source>Weights on disk (the chosen precision in orange)</source>
        <translation>Gewichte auf dem Datenträger (gewählte Präzision in Orange)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Weights on disk (GB)</source>
        <translation>Gewichte auf Datenträger (GB)</translation>
    </message>
    <message>
        <source>%1: %2, %3 of FP32</source>
        <translation>%1: %2, %3 von FP32</translation>
    </message>
    <message>
        <source>first-order (chosen)</source>
        <translation>1. Näherung ✓</translation>
    </message>
    <message>
        <source>llama.cpp (chosen)</source>
        <translation>llama.cpp ✓</translation>
    </message>
    <message>
        <source>Fit: %1</source>
        <translation>Planung: %1</translation>
    </message>
    <message>
        <source>%1: budget %2 (usable memory less headroom)</source>
        <translation>%1: Budget %2 (nutzbarer Speicher abzüglich Reserve)</translation>
    </message>
</context>
<context>
    <name>complab::MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>complab::MetadataModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>complab::ModelCardWidget</name>
    <message>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>The file format the checkpoint is stored in.</source>
        <translation>Das Dateiformat, in dem der Checkpoint gespeichert ist.</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>The network&apos;s shape, from the config.json beside the weights.</source>
        <translation>Die Form des Netzes, aus der config.json neben den Gewichten.</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>How many named weight arrays the checkpoint holds.</source>
        <translation>Wie viele benannte Gewichts-Arrays der Checkpoint enthält.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Total number of weights: the model size quoted as 8B, 70B, ...</source>
        <translation>Gesamtzahl der Gewichte: die Modellgröße, angegeben als 8B, 70B, ...</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf Datenträger</translation>
    </message>
    <message>
        <source>Bytes the checkpoint occupies on disk, header included.</source>
        <translation>Bytes, die der Checkpoint auf dem Datenträger belegt, einschließlich Header.</translation>
    </message>
    <message>
        <source>Number types</source>
        <translation>Zahlentypen</translation>
    </message>
    <message>
        <source>How the weights are stored: BF16 and F16 use 2 bytes a weight, F32 uses 4.</source>
        <translation>Wie die Gewichte gespeichert sind: BF16 und F16 brauchen 2 Bytes pro Gewicht, F32 braucht 4.</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n Schicht</numerusform>
            <numerusform>%n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>width %1</source>
        <translation>Breite %1</translation>
    </message>
    <message>
        <source>%1 heads (%2 key/value)</source>
        <translation>%1 Köpfe (%2 Key/Value)</translation>
    </message>
    <message>
        <source>vocabulary %1</source>
        <translation>Vokabular %1</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <source>unknown (no config.json beside the file)</source>
        <translation>unbekannt (keine config.json neben der Datei)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n tensors)</source>
        <translation>
            <numerusform>%1 (%n Tensor)</numerusform>
            <numerusform>%1 (%n Tensoren)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>complab::ModelPane</name>
    <message>
        <source>Drop a checkpoint (.safetensors, .gguf, .h5, llama2.c .bin) or a model folder anywhere on this window, or use File ▸ Open.</source>
        <translation>Ziehen Sie einen Checkpoint (.safetensors, .gguf, .h5, llama2.c .bin) oder einen Modellordner an eine beliebige Stelle dieses Fensters, oder nutzen Sie Datei ▸ Öffnen.</translation>
    </message>
    <message>
        <source>Filter by name (e.g. mlp, layers.3, q_proj, tokenizer)</source>
        <translation>Nach Name filtern (z. B. mlp, layers.3, q_proj, tokenizer)</translation>
    </message>
    <message>
        <source>Show only tensors whose full name contains this text.</source>
        <translation>Nur Tensoren zeigen, deren vollständiger Name diesen Text enthält.</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>Tensorfilter</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Key/value information stored in the file: GGUF keys, safetensors __metadata__.</source>
        <translation>In der Datei gespeicherte Schlüssel/Wert-Angaben: GGUF-Schlüssel, safetensors-__metadata__.</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Metadaten (%1)</translation>
    </message>
</context>
<context>
    <name>complab::PruneMaskView</name>
    <message>
        <source>Select a weight matrix to see which of its weights each pruning method removes.</source>
        <translation>Wählen Sie eine Gewichtsmatrix, um zu sehen, welche ihrer Gewichte jede Pruning-Methode entfernt.</translation>
    </message>
    <message>
        <source>%1 is not a weight matrix: nothing to prune.</source>
        <translation>%1 ist keine Gewichtsmatrix: nichts zu entfernen.</translation>
    </message>
    <message>
        <source>Pruning %1…</source>
        <translation>Pruning von %1…</translation>
    </message>
    <message>
        <source>Pruning masks of %1</source>
        <translation>Pruning-Masken von %1</translation>
    </message>
    <message>
        <source>Magnitude, %1 removed</source>
        <translation>Betrag, %1 entfernt</translation>
    </message>
    <message>
        <source>2:4 (half of every four)</source>
        <translation>2:4 (je zwei von vier)</translation>
    </message>
    <message>
        <source>Structured: %1 of the rows (neurons)</source>
        <translation>Strukturiert: %1 der Zeilen (Neuronen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;whole tensor: %2 removed, relative error %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;ganzer Tensor: %2 entfernt, relativer Fehler %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, rows %2–%3, columns %4–%5 (around its largest weight); one square per weight: darker = larger |w|, white = removed. %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, Zeilen %2–%3, Spalten %4–%5 (um sein größtes Gewicht); ein Quadrat pro Gewicht: dunkler = größeres |w|, weiß = entfernt. %6</translation>
    </message>
    <message>
        <source>The fraction is the recipe&apos;s pruning slider (one half while it is at 0 %).</source>
        <translation>Der Anteil ist der Pruning-Regler des Rezepts (die Hälfte, solange er auf 0 % steht).</translation>
    </message>
</context>
<context>
    <name>complab::QualityCharts</name>
    <message>
        <source>General-purpose open models</source>
        <translation>Offene Allzweckmodelle</translation>
    </message>
    <message>
        <source>Small models (≤ 4B)</source>
        <translation>Kleine Modelle (≤ 4B)</translation>
    </message>
    <message>
        <source>Tiny models (≤ 1.5B)</source>
        <translation>Sehr kleine Modelle (≤ 1,5B)</translation>
    </message>
    <message>
        <source>Large models (≥ 40B)</source>
        <translation>Große Modelle (≥ 40B)</translation>
    </message>
    <message>
        <source>Quality against precision</source>
        <translation>Qualität gegen Präzision</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bit pro Gewicht</translation>
    </message>
    <message>
        <source>Quality against pruning</source>
        <translation>Qualität gegen Pruning</translation>
    </message>
    <message>
        <source>Pruned (%)</source>
        <translation>Entfernt (%)</translation>
    </message>
    <message>
        <source>Quality against distillation</source>
        <translation>Qualität gegen Destillation</translation>
    </message>
    <message>
        <source>Smaller by (×)</source>
        <translation>Kleiner um (×)</translation>
    </message>
    <message>
        <source>Quality (%)</source>
        <translation>Qualität (%)</translation>
    </message>
    <message>
        <source>Rule of thumb</source>
        <translation>Faustregel</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Dieses Rezept</translation>
    </message>
    <message>
        <source>%1
%2: %3
quality %4</source>
        <translation>%1
%2: %3
Qualität %4</translation>
    </message>
    <message>
        <source>%1, on %2
%3: %4
measured %5</source>
        <translation>%1, an %2
%3: %4
gemessen %5</translation>
    </message>
    <message>
        <source>Where real models sit: size on disk against quality (Llama-3.1-8B FP16 = 100)</source>
        <translation>Wo reale Modelle liegen: Größe auf dem Datenträger gegen Qualität (Llama-3.1-8B FP16 = 100)</translation>
    </message>
    <message>
        <source>Weights on disk (GB, log scale)</source>
        <translation>Gewichte auf Datenträger (GB, log. Skala)</translation>
    </message>
    <message>
        <source>Quality (normalised MMLU, Llama-3.1-8B = 100)</source>
        <translation>Qualität (normiertes MMLU, Llama-3.1-8B = 100)</translation>
    </message>
    <message>
        <source>, FP16</source>
        <translation>, FP16</translation>
    </message>
    <message>
        <source>%1 at FP16: %2 GB, quality %3 (MMLU %4)
%5</source>
        <translation>%1 in FP16: %2 GB, Qualität %3 (MMLU %4)
%5</translation>
    </message>
    <message>
        <source>The same models at INT4</source>
        <translation>Dieselben Modelle in INT4</translation>
    </message>
    <message>
        <source>%1 at INT4: %2 GB</source>
        <translation>%1 in INT4: %2 GB</translation>
    </message>
    <message>
        <source>This recipe (estimate)</source>
        <translation>Dieses Rezept (Schätzung)</translation>
    </message>
    <message>
        <source>This recipe: %1 GB, quality ≈ %2
(%3&apos;s FP16 quality × this recipe&apos;s retained share)</source>
        <translation>Dieses Rezept: %1 GB, Qualität ≈ %2
(FP16-Qualität von %3 × erhaltener Anteil dieses Rezepts)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The factors multiply:&lt;/b&gt; quality retained = precision × pruning × distillation = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;.&lt;br&gt;&lt;span style=&apos;color:#828282&apos;&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; rule of thumb, calibrated from published results &amp;nbsp; &lt;span style=&apos;color:#e06c1f&apos;&gt;&amp;#9679;&lt;/span&gt; this recipe &amp;nbsp; %5</source>
        <translation>&lt;b&gt;Die Faktoren multiplizieren sich:&lt;/b&gt; erhaltene Qualität = Präzision × Pruning × Destillation = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;.&lt;br&gt;&lt;span style=&apos;color:#828282&apos;&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; Faustregel, kalibriert an veröffentlichten Ergebnissen &amp;nbsp; &lt;span style=&apos;color:#e06c1f&apos;&gt;&amp;#9679;&lt;/span&gt; dieses Rezept &amp;nbsp; %5</translation>
    </message>
    <message>
        <source>(Measure quality, in the Quality tab under the charts, adds points measured on the open model.)</source>
        <translation>(„Qualität messen“ im Tab „Qualität“ unter den Diagrammen fügt am geöffneten Modell gemessene Punkte hinzu.)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1f77b4&apos;&gt;&amp;#9679;&lt;/span&gt; top token kept and &lt;span style=&apos;color:#d62728&apos;&gt;&amp;#9679;&lt;/span&gt; perplexity kept (PPL₀ / PPL), measured on %1</source>
        <translation>&lt;span style=&apos;color:#1f77b4&apos;&gt;&amp;#9679;&lt;/span&gt; Top-Token erhalten und &lt;span style=&apos;color:#d62728&apos;&gt;&amp;#9679;&lt;/span&gt; Perplexität erhalten (PPL₀ / PPL), gemessen an %1</translation>
    </message>
    <message>
        <source>Measured: top token</source>
        <translation>Gemessen: Top-Token</translation>
    </message>
    <message>
        <source>Measured: PPL₀/PPL</source>
        <translation>Gemessen: PPL₀/PPL</translation>
    </message>
</context>
<context>
    <name>complab::QualitySweepPanel</name>
    <message>
        <source>Measure quality</source>
        <translation>Qualität messen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>Run the model on the held-out text at INT2…INT8 and with one layer at a time quantised: some twenty forward passes over the text</source>
        <translation>Das Modell auf dem Testtext bei INT2…INT8 und mit jeweils einer quantisierten Schicht ausführen: etwa zwanzig Vorwärtsdurchläufe über den Text</translation>
    </message>
    <message>
        <source>Measure runs the model to put measured points beside the rule of thumb.</source>
        <translation>„Qualität messen“ führt das Modell aus, um gemessene Punkte neben die Faustregel zu setzen.</translation>
    </message>
    <message>
        <source>Bits per weight, scales included</source>
        <translation>Bit pro Gewicht, Skalen eingerechnet</translation>
    </message>
    <message>
        <source>Quality (%)</source>
        <translation>Qualität (%)</translation>
    </message>
    <message>
        <source>Rule of thumb</source>
        <translation>Faustregel</translation>
    </message>
    <message>
        <source>Top token kept</source>
        <translation>Top-Token erhalten</translation>
    </message>
    <message>
        <source>Perplexity kept</source>
        <translation>Perplexität erhalten</translation>
    </message>
    <message>
        <source>%1
%2 bits/weight: %3 %</source>
        <translation>%1
%2 Bit/Gewicht: %3 %</translation>
    </message>
    <message>
        <source>Quality against bits: measured and rule of thumb</source>
        <translation>Qualität gegen Bit: gemessen und Faustregel</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Per-layer sensitivity</source>
        <translation>Empfindlichkeit je Schicht</translation>
    </message>
    <message>
        <source>layer %1: KL divergence %2 nats/token</source>
        <translation>Schicht %1: KL-Divergenz %2 Nat/Token</translation>
    </message>
    <message>
        <source>Measuring… %1</source>
        <translation>Messung… %1</translation>
    </message>
    <message>
        <source>Measuring stopped.</source>
        <translation>Messung abgebrochen.</translation>
    </message>
    <message>
        <source>Measuring quality</source>
        <translation>Qualitätsmessung</translation>
    </message>
    <message>
        <source>Cannot measure: %1.</source>
        <translation>Messung nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Measured on %1 and the rule of thumb</source>
        <translation>Gemessen an %1, dazu die Faustregel</translation>
    </message>
    <message>
        <source>One layer at a time at %1</source>
        <translation>Jeweils eine Schicht in %1</translation>
    </message>
    <message>
        <source>Original perplexity %1 on %2 held-out tokens. Top token kept: how often the quantised model&apos;s first choice is the original&apos;s; perplexity kept: PPL₀ / PPL. Measured on this checkpoint.</source>
        <translation>Ursprüngliche Perplexität %1 auf %2 Test-Token. Top-Token erhalten: wie oft die erste Wahl des quantisierten Modells die des Originals ist; Perplexität erhalten: PPL₀ / PPL. An diesem Checkpoint gemessen.</translation>
    </message>
</context>
<context>
    <name>complab::QuantRowDemo</name>
    <message>
        <source>Bits per weight</source>
        <translation>Bit pro Gewicht</translation>
    </message>
    <message>
        <source>How many bits each weight keeps: 2^bits levels between the row&apos;s smallest and largest weight</source>
        <translation>Wie viele Bit jedes Gewicht behält: 2^Bit Stufen zwischen dem kleinsten und dem größten Gewicht der Zeile</translation>
    </message>
    <message>
        <source>One row of weights, before and after rounding</source>
        <translation>Eine Zeile von Gewichten, vor und nach dem Runden</translation>
    </message>
    <message>
        <source>Column of the row</source>
        <translation>Spalte der Zeile</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>Original (as stored in the checkpoint)</source>
        <translation>Original (wie im Checkpoint gespeichert)</translation>
    </message>
    <message>
        <source>Rounded to the grid</source>
        <translation>Auf das Raster gerundet</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>RMS reconstruction error</source>
        <translation>RMS-Rekonstruktionsfehler</translation>
    </message>
    <message>
        <source>This checkpoint has no weight matrix to take a row from.</source>
        <translation>Dieser Checkpoint hat keine Gewichtsmatrix, aus der sich eine Zeile nehmen ließe.</translation>
    </message>
    <message>
        <source>Reading a row of %1…</source>
        <translation>Eine Zeile von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Rounding a row of %1</source>
        <translation>Runden einer Zeile von %1</translation>
    </message>
    <message>
        <source>%1 bits · %2 levels</source>
        <translation>%1 Bit · %2 Stufen</translation>
    </message>
    <message>
        <source>%1 bits: %2</source>
        <translation>%1 Bit: %2</translation>
    </message>
    <message>
        <source>RMS error at each width — each bit removed roughly doubles it: %1</source>
        <translation>RMS-Fehler bei jeder Bitbreite — jedes weggenommene Bit verdoppelt ihn ungefähr: %1</translation>
    </message>
    <message>
        <source>Row %1 of %2 in %3 (the row whose largest weight is the median of all rows); the first %4 of its %5 columns are drawn, the error is over the whole row. Dotted lines: the levels the grid allows.</source>
        <translation>Zeile %1 von %2 in %3 (die Zeile, deren größtes Gewicht der Median über alle Zeilen ist); gezeichnet sind die ersten %4 ihrer %5 Spalten, der Fehler gilt für die ganze Zeile. Gepunktete Linien: die Stufen, die das Raster zulässt.</translation>
    </message>
</context>
<context>
    <name>complab::RecipePane</name>
    <message>
        <source>F32 (4 bytes per value)</source>
        <translation>F32 (4 Bytes pro Wert)</translation>
    </message>
    <message>
        <source>F16 (2 bytes, the default)</source>
        <translation>F16 (2 Bytes, Standard)</translation>
    </message>
    <message>
        <source>BF16 (2 bytes)</source>
        <translation>BF16 (2 Bytes)</translation>
    </message>
    <message>
        <source>FP8 (1 byte)</source>
        <translation>FP8 (1 Byte)</translation>
    </message>
    <message>
        <source>Q8_0 (≈1.06 bytes, llama.cpp)</source>
        <translation>Q8_0 (≈1,06 Bytes, llama.cpp)</translation>
    </message>
    <message>
        <source>Q4_0 (≈0.56 bytes, llama.cpp)</source>
        <translation>Q4_0 (≈0,56 Bytes, llama.cpp)</translation>
    </message>
    <message>
        <source>Use the &amp;loaded model</source>
        <translation>Geladenes Modell &amp;verwenden</translation>
    </message>
    <message>
        <source>Fl&amp;ash attention</source>
        <translation>Fl&amp;ash-Attention</translation>
    </message>
    <message>
        <source>Model &amp;size</source>
        <translation>Modell&amp;größe</translation>
    </message>
    <message>
        <source>How many weights the model has. Memory grows in proportion; the slider is logarithmic, from 0.5 to 405 billion.</source>
        <translation>Wie viele Gewichte das Modell hat. Der Speicher wächst proportional; der Regler ist logarithmisch, von 0,5 bis 405 Milliarden.</translation>
    </message>
    <message>
        <source>Estimate for the checkpoint that is open, with its own parameter count and shape, instead of a model of the size on the slider.</source>
        <translation>Für den geöffneten Checkpoint schätzen, mit seiner eigenen Parameterzahl und Form, statt für ein Modell der Größe auf dem Regler.</translation>
    </message>
    <message>
        <source>The layer and attention shape the KV-cache estimate uses. With only a size, the lab borrows the shape of the nearest real model.</source>
        <translation>Die Schicht- und Attention-Form, die die KV-Cache-Schätzung verwendet. Ist nur eine Größe bekannt, leiht sich das Labor die Form des nächstgelegenen realen Modells.</translation>
    </message>
    <message>
        <source>&amp;Precision (weight format)</source>
        <translation>&amp;Präzision (Gewichtsformat)</translation>
    </message>
    <message>
        <source>How many bits store each weight. Fewer bits make the file smaller but round every weight to a coarser grid, which costs quality.</source>
        <translation>Mit wie vielen Bit jedes Gewicht gespeichert wird. Weniger Bit machen die Datei kleiner, runden aber jedes Gewicht auf ein gröberes Raster, was Qualität kostet.</translation>
    </message>
    <message>
        <source>&amp;Group size</source>
        <translation>Gr&amp;uppengröße</translation>
    </message>
    <message>
        <source>Integer formats share one scale between a group of weights; smaller groups follow the weights more closely but store more scales. The k-quants and float formats have their own fixed blocks.</source>
        <translation>Integer-Formate teilen sich eine Skala je Gruppe von Gewichten; kleinere Gruppen folgen den Gewichten genauer, speichern aber mehr Skalen. K-Quants und Gleitkommaformate haben ihre eigenen festen Blöcke.</translation>
    </message>
    <message>
        <source>P&amp;runing</source>
        <translation>P&amp;runing</translation>
    </message>
    <message>
        <source>Share of the weights removed. The first third costs little; past about 60 % quality falls off a cliff unless the model is fine-tuned afterwards.</source>
        <translation>Anteil der entfernten Gewichte. Das erste Drittel kostet wenig; ab etwa 60 % bricht die Qualität steil ein, sofern das Modell nicht nachträglich feinabgestimmt wird.</translation>
    </message>
    <message>
        <source>Pruning &amp;method</source>
        <translation>Pruning-&amp;Methode</translation>
    </message>
    <message>
        <source>How the weights to remove are chosen. The rule-of-thumb estimate uses one curve for all methods; measuring them on the checkpoint shows how they differ.</source>
        <translation>Wie die zu entfernenden Gewichte ausgewählt werden. Die Faustregel-Schätzung nutzt eine Kurve für alle Methoden; Messungen am Checkpoint zeigen, wie sie sich unterscheiden.</translation>
    </message>
    <message>
        <source>&amp;Distillation</source>
        <translation>&amp;Destillation</translation>
    </message>
    <message>
        <source>Train a smaller student model to imitate this one. 4× means the student has a quarter of the weights; each halving costs a small, steady amount of quality.</source>
        <translation>Ein kleineres Schülermodell trainieren, das dieses nachahmt. 4× heißt, das Schülermodell hat ein Viertel der Gewichte; jede Halbierung kostet einen kleinen, gleichbleibenden Betrag an Qualität.</translation>
    </message>
    <message>
        <source>Lo&amp;w-rank energy kept</source>
        <translation>Erhaltene &amp;Niedrigrang-Energie</translation>
    </message>
    <message>
        <source>Replace each weight matrix by two thin ones that keep this share of its energy (squared singular values). 100 % means no factorisation.</source>
        <translation>Jede Gewichtsmatrix durch zwei schmale ersetzen, die diesen Anteil ihrer Energie (quadrierte Singulärwerte) erhalten. 100 % heißt: keine Zerlegung.</translation>
    </message>
    <message>
        <source>&amp;Context length</source>
        <translation>&amp;Kontextlänge</translation>
    </message>
    <message>
        <source>How many tokens the model keeps in view. The KV cache grows in proportion and dominates memory at long contexts.</source>
        <translation>Wie viele Token das Modell im Blick behält. Der KV-Cache wächst proportional und dominiert bei langen Kontexten den Speicher.</translation>
    </message>
    <message>
        <source>&amp;Batch (sequences)</source>
        <translation>&amp;Batch (Sequenzen)</translation>
    </message>
    <message>
        <source>How many conversations run at once. Each one needs its own KV cache, so memory for the cache multiplies.</source>
        <translation>Wie viele Unterhaltungen gleichzeitig laufen. Jede braucht ihren eigenen KV-Cache, also vervielfacht sich der Speicher für den Cache.</translation>
    </message>
    <message>
        <source>&amp;KV cache type</source>
        <translation>KV-&amp;Cache-Typ</translation>
    </message>
    <message>
        <source>The number format of the attention cache (keys and values of every past token). Quantising it is the main lever at long contexts.</source>
        <translation>Das Zahlenformat des Attention-Caches (Keys und Values jedes vergangenen Tokens). Ihn zu quantisieren ist bei langen Kontexten der wichtigste Hebel.</translation>
    </message>
    <message>
        <source>First-order (the seed&apos;s arithmetic)</source>
        <translation>Erste Näherung (Ausgangsartikel)</translation>
    </message>
    <message>
        <source>llama.cpp (its real allocations)</source>
        <translation>llama.cpp (seine tatsächlichen Allokationen)</translation>
    </message>
    <message>
        <source>R&amp;untime profile</source>
        <translation>&amp;Laufzeitprofil</translation>
    </message>
    <message>
        <source>Which memory model the VRAM figure follows: the simple textbook sum, or what llama.cpp actually allocates (compute buffers, per-GPU overhead).</source>
        <translation>Welchem Speichermodell die VRAM-Zahl folgt: der einfachen Lehrbuchsumme oder dem, was llama.cpp tatsächlich belegt (Rechenpuffer, Overhead pro GPU).</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s fused attention: smaller compute buffers, and required before it will store a quantised V cache.</source>
        <translation>Die fusionierte Attention von llama.cpp: kleinere Rechenpuffer, und Voraussetzung dafür, dass es einen quantisierten V-Cache speichert.</translation>
    </message>
    <message>
        <source>as loaded: %1</source>
        <translation>wie geladen: %1</translation>
    </message>
    <message>
        <source>%1 weights</source>
        <translation>%1 Gewichte</translation>
    </message>
    <message>
        <source>assuming %1-like: %2</source>
        <translation>angenommen wie %1: %2</translation>
    </message>
    <message>
        <source>shape of %1 (from its config.json): %2</source>
        <translation>Form von %1 (aus seiner config.json): %2</translation>
    </message>
    <message>
        <source>%1 · %2 bits/weight</source>
        <translation>%1 · %2 Bit/Gewicht</translation>
    </message>
    <message>
        <source>fixed by the format</source>
        <translation>durch das Format festgelegt</translation>
    </message>
    <message>
        <source>no scales (seed)</source>
        <translation>keine Skalen (Vorlage)</translation>
    </message>
    <message>
        <source>%1 per scale</source>
        <translation>%1 pro Skala</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>1× (none)</source>
        <translation>1× (keine)</translation>
    </message>
    <message>
        <source>%1× smaller</source>
        <translation>%1× kleiner</translation>
    </message>
    <message>
        <source>100 % (off)</source>
        <translation>100 % (aus)</translation>
    </message>
    <message>
        <source>%1 (not estimated)</source>
        <translation>%1 (nicht geschätzt)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>%1 layers, %2 KV heads × %3</source>
        <translation>%1 Schichten, %2 KV-Köpfe × %3</translation>
    </message>
    <message>
        <source>, sliding window %1 on %2 layers</source>
        <translation>, Sliding Window %1 auf %2 Schichten</translation>
    </message>
    <message>
        <source>, %1 experts (%2 per token)</source>
        <translation>, %1 Experten (%2 pro Token)</translation>
    </message>
</context>
<context>
    <name>complab::ReportExporter</name>
    <message>
        <source>Measuring %1…</source>
        <translation>Messung von %1…</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>%1: a report is .html, .pdf, .csv or .h5.</source>
        <translation>%1: Ein Bericht ist .html, .pdf, .csv oder .h5.</translation>
    </message>
    <message>
        <source>Measuring the recipe…</source>
        <translation>Das Rezept wird gemessen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Writing the report %1</source>
        <translation>Bericht %1 wird geschrieben</translation>
    </message>
    <message>
        <source>no held-out text is bundled with this build</source>
        <translation>diesem Build liegt kein Testtext bei</translation>
    </message>
    <message>
        <source>the model is larger than the lab evaluates in memory</source>
        <translation>das Modell ist größer, als das Labor im Speicher auswerten kann</translation>
    </message>
    <message>
        <source>Report written: %1 (%2 tensors, %3 bits/weight%4)</source>
        <translation>Bericht geschrieben: %1 (%2 Tensoren, %3 Bit/Gewicht%4)</translation>
    </message>
    <message>
        <source>, perplexity %1 → %2</source>
        <translation>, Perplexität %1 → %2</translation>
    </message>
</context>
<context>
    <name>complab::RunPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Run on the whole model</source>
        <translation>Auf Modell anwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save compressed model…</source>
        <translation>Ergebnis speichern…</translation>
    </message>
    <message>
        <source>GGUF (llama.cpp)</source>
        <translation>GGUF (llama.cpp)</translation>
    </message>
    <message>
        <source>safetensors (transformers)</source>
        <translation>safetensors (transformers)</translation>
    </message>
    <message>
        <source>GGUF stores llama.cpp&apos;s block formats natively; other schemes (int4, NF4, FP8) are written to safetensors as the values they round to</source>
        <translation>GGUF speichert die Blockformate von llama.cpp nativ; andere Schemata (int4, NF4, FP8) werden als die Werte, auf die sie runden, in safetensors geschrieben</translation>
    </message>
    <message>
        <source>Compress every tensor with the recipe, exactly as compression-lab-cli apply would</source>
        <translation>Jeden Tensor mit dem Rezept komprimieren, genau wie compression-lab-cli apply</translation>
    </message>
    <message>
        <source>Run compresses the whole model with the recipe into a temporary file; Save keeps it.</source>
        <translation>„Auf Modell anwenden“ komprimiert das ganze Modell mit dem Rezept in eine temporäre Datei; „Ergebnis speichern“ behält sie.</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bit/Gewicht</translation>
    </message>
    <message>
        <source>RMS error</source>
        <translation>RMS-Fehler</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Rel. Fehler</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>Zeroed</source>
        <translation>Genullt</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖</source>
        <translation>‖W − Ŵ‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Weights that were not zero and are stored as exactly zero (pruning and rounding)</source>
        <translation>Gewichte, die nicht null waren und als exakt null gespeichert werden (Pruning und Rundung)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Compressing… %1 done, about %2 left</source>
        <translation>Komprimierung… %1 erledigt, noch etwa %2</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Measuring perplexity and KL divergence against the original…</source>
        <translation>Perplexität und KL-Divergenz werden gegen das Original gemessen…</translation>
    </message>
    <message>
        <source>Measuring perplexity and KL divergence against the original… %1</source>
        <translation>Perplexität und KL-Divergenz werden gegen das Original gemessen… %1</translation>
    </message>
    <message>
        <source>No quality measurement: %1</source>
        <translation>Keine Qualitätsmessung: %1</translation>
    </message>
    <message>
        <source>No temporary folder for the run: %1</source>
        <translation>Kein temporärer Ordner für den Lauf: %1</translation>
    </message>
    <message>
        <source>%1 has no GGUF type, so the run writes safetensors, holding its values at the model&apos;s own precision (the file does not shrink). </source>
        <translation>%1 hat keinen GGUF-Typ, daher schreibt der Lauf safetensors und hält die Werte in der Präzision des Modells (die Datei wird nicht kleiner). </translation>
    </message>
    <message>
        <source>Compressing…</source>
        <translation>Komprimierung…</translation>
    </message>
    <message>
        <source>Compressing the whole model</source>
        <translation>Komprimierung des ganzen Modells</translation>
    </message>
    <message>
        <source>Done in %1: %2 tensors, %3 written (%4 bits per weight over the file; the open file holds %5). Save keeps it.</source>
        <translation>Fertig in %1: %2 Tensoren, %3 geschrieben (%4 Bit pro Gewicht über die Datei; die geöffnete Datei hat %5). „Ergebnis speichern“ behält sie.</translation>
    </message>
    <message>
        <source>Measuring quality against the original</source>
        <translation>Qualitätsmessung gegen das Original</translation>
    </message>
    <message>
        <source>Quality not measured: %1.</source>
        <translation>Qualität nicht gemessen: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measured quality&lt;/b&gt; on %1 tokens of %2: perplexity %3 → %4 (%5), KL divergence %6 nats per token, the same top token %7 of the time (%8 tensors replaced by their exported values; tokenizer: %9).</source>
        <translation>&lt;b&gt;Gemessene Qualität&lt;/b&gt; auf %1 Token von %2: Perplexität %3 → %4 (%5), KL-Divergenz %6 Nat pro Token, in %7 der Fälle dasselbe Top-Token (%8 Tensoren durch ihre exportierten Werte ersetzt; Tokenizer: %9).</translation>
    </message>
    <message>
        <source>%1
(%2 in the open file)</source>
        <translation>%1
(%2 in der geöffneten Datei)</translation>
    </message>
    <message>
        <source> (kept)</source>
        <translation> (beibehalten)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>Save compressed model</source>
        <translation>Komprimiertes Modell speichern</translation>
    </message>
    <message>
        <source>GGUF (*.gguf)</source>
        <translation>GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Speichern von %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>complab::SummaryCards</name>
    <message>
        <source>near-lossless</source>
        <translation>nahezu verlustfrei</translation>
    </message>
    <message>
        <source>minor loss</source>
        <translation>geringer Verlust</translation>
    </message>
    <message>
        <source>noticeable drift</source>
        <translation>spürbare Abweichung</translation>
    </message>
    <message>
        <source>significant loss</source>
        <translation>deutlicher Verlust</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>unbrauchbar</translation>
    </message>
    <message>
        <source>Weights on disk</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Size of the weights file: surviving parameters × bits per weight ÷ 8, scales included.</source>
        <translation>Größe der Gewichtsdatei: verbleibende Parameter × Bit pro Gewicht ÷ 8, Skalen eingerechnet.</translation>
    </message>
    <message>
        <source>VRAM required</source>
        <translation>VRAM-Bedarf</translation>
    </message>
    <message>
        <source>Graphics memory needed to run the model: the weights, plus the KV cache for every token in context, plus working buffers.</source>
        <translation>Grafikspeicher, den das Modell zum Ausführen braucht: die Gewichte, dazu der KV-Cache für jedes Token im Kontext, dazu Arbeitspuffer.</translation>
    </message>
    <message>
        <source>Quality retained</source>
        <translation>Restqualität</translation>
    </message>
    <message>
        <source>Rule-of-thumb share of the original model&apos;s quality: one factor each for precision, pruning and distillation, multiplied.</source>
        <translation>Anteil der Qualität des Originalmodells nach Faustregel: je ein Faktor für Präzision, Pruning und Destillation, miteinander multipliziert.</translation>
    </message>
    <message>
        <source>Hardware tier</source>
        <translation>Hardwareklasse</translation>
    </message>
    <message>
        <source>The smallest common device whose usable memory, less a 5 % safety margin, holds the VRAM estimate.</source>
        <translation>Das kleinste gängige Gerät, dessen nutzbarer Speicher abzüglich 5 % Sicherheitsreserve die VRAM-Schätzung fasst.</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Computed by the rule-of-thumb model, not measured on the checkpoint.</source>
        <translation>Nach dem Faustregel-Modell berechnet, nicht am Checkpoint gemessen.</translation>
    </message>
    <message>
        <source>Measured by the Run tab: the compressed model against the original on held-out text. Removed when the recipe changes.</source>
        <translation>Im Tab „Lauf“ gemessen: das komprimierte Modell gegen das Original auf Testtext. Entfällt, sobald sich das Rezept ändert.</translation>
    </message>
    <message>
        <source>%1 smaller than FP32</source>
        <translation>%1 kleiner als FP32</translation>
    </message>
    <message>
        <source>; %1 bits/weight over this model&apos;s %2 tensors (%3 quantised)</source>
        <translation>; %1 Bit/Gewicht über die %2 Tensoren dieses Modells (%3 quantisiert)</translation>
    </message>
    <message>
        <source>, 1 per-tensor rule</source>
        <translation>, 1 tensorbezogene Regel</translation>
    </message>
    <message>
        <source>, %1 per-tensor rules</source>
        <translation>, %1 tensorbezogene Regeln</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>Bits per weight planned from the open model&apos;s own tensors: the type the recipe gives each (per-tensor rules included, small tensors kept in their own type), scales counted. Pruning and distillation still follow the rule of thumb.</source>
        <translation>Bit pro Gewicht, geplant aus den Tensoren des geöffneten Modells: der Typ, den das Rezept jedem gibt (tensorbezogene Regeln eingeschlossen, kleine Tensoren in ihrem eigenen Typ belassen), Skalen eingerechnet. Pruning und Destillation folgen weiter der Faustregel.</translation>
    </message>
    <message>
        <source>weights %1 + KV cache %2 + %3 %4</source>
        <translation>Gewichte %1 + KV-Cache %2 + %3 %4</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>compute buffer</source>
        <translation>Rechenpuffer</translation>
    </message>
    <message>
        <source> + runtime %1</source>
        <translation> + Laufzeit %1</translation>
    </message>
    <message>
        <source>llama.cpp would allocate %1</source>
        <translation>llama.cpp würde %1 belegen</translation>
    </message>
    <message>
        <source>first-order sum: %1</source>
        <translation>Summe erster Näherung: %1</translation>
    </message>
    <message>
        <source>%1; smallest GPU or Mac: %2</source>
        <translation>%1; kleinste GPU bzw. kleinster Mac: %2</translation>
    </message>
    <message>
        <source>none fits</source>
        <translation>kein Gerät passt</translation>
    </message>
    <message>
        <source>larger than every device in the table</source>
        <translation>größer als jedes Gerät in der Tabelle</translation>
    </message>
    <message>
        <source>Cannot estimate: %1</source>
        <translation>Schätzung nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>complab::TechniqueMap</name>
    <message>
        <source>Model compression</source>
        <translation>Modellkompression</translation>
    </message>
    <message>
        <source>The umbrella: anything that makes a model smaller or cheaper to run while keeping its behaviour</source>
        <translation>Der Oberbegriff: alles, was ein Modell kleiner oder günstiger im Betrieb macht und dabei sein Verhalten bewahrt</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Fewer bits per weight: a coarser grid for the same network</source>
        <translation>Weniger Bit pro Gewicht: ein gröberes Raster für dasselbe Netz</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Pruning</translation>
    </message>
    <message>
        <source>Remove weights, or whole rows and heads, that contribute little</source>
        <translation>Gewichte oder ganze Zeilen und Köpfe entfernen, die wenig beitragen</translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation>Destillation</translation>
    </message>
    <message>
        <source>Train a smaller student to imitate a larger teacher</source>
        <translation>Einen kleineren Schüler trainieren, der einen größeren Lehrer nachahmt</translation>
    </message>
    <message>
        <source>Low-rank factorisation</source>
        <translation>Niedrigrang-Zerlegung</translation>
    </message>
    <message>
        <source>Replace a matrix by the product of two thin ones (SVD)</source>
        <translation>Eine Matrix durch das Produkt zweier schmaler Matrizen ersetzen (SVD)</translation>
    </message>
    <message>
        <source>Estimated for the open model under the lab&apos;s current recipe (the rules of chapter 3)</source>
        <translation>Geschätzt für das geöffnete Modell unter dem aktuellen Rezept des Labors (nach den Regeln aus Kapitel 3)</translation>
    </message>
    <message>
        <source>See it work ▸</source>
        <translation>In Aktion sehen ▸</translation>
    </message>
    <message>
        <source>a %1-parameter model</source>
        <translation>ein Modell mit %1 Parametern</translation>
    </message>
    <message>
        <source>Now, for %1: %2 on disk instead of %3 at FP32, %4 of the quality kept (estimates).</source>
        <translation>Derzeit für %1: %2 auf dem Datenträger statt %3 in FP32, %4 der Qualität erhalten (Schätzungen).</translation>
    </message>
    <message>
        <source>In the lab: %1, %2 bits per weight — %3 of FP32&apos;s bytes.</source>
        <translation>Im Labor: %1, %2 Bit pro Gewicht — %3 der Bytes von FP32.</translation>
    </message>
    <message>
        <source>In the lab: %1 of the weights removed.</source>
        <translation>Im Labor: %1 der Gewichte entfernt.</translation>
    </message>
    <message>
        <source>In the lab: off. Try 50 %: the quality rule barely moves until about 60 %.</source>
        <translation>Im Labor: aus. Versuchen Sie 50 %: Die Qualitätsregel bewegt sich bis etwa 60 % kaum.</translation>
    </message>
    <message>
        <source>In the lab: a student %1× smaller, %2 parameters.</source>
        <translation>Im Labor: ein Schüler, %1× kleiner, mit %2 Parametern.</translation>
    </message>
    <message>
        <source>In the lab: off (1×). Distillation needs training, so the lab estimates it only.</source>
        <translation>Im Labor: aus (1×). Destillation erfordert Training, daher schätzt das Labor sie nur.</translation>
    </message>
    <message>
        <source>In the lab: rank kept to %1 of each matrix&apos;s energy.</source>
        <translation>Im Labor: Rang so gewählt, dass %1 der Energie jeder Matrix erhalten bleibt.</translation>
    </message>
    <message>
        <source>In the lab: off (100 % of the energy kept).</source>
        <translation>Im Labor: aus (100 % der Energie erhalten).</translation>
    </message>
</context>
<context>
    <name>complab::TemperatureDemo</name>
    <message>
        <source>Ask the teacher</source>
        <translation>Lehrer fragen</translation>
    </message>
    <message>
        <source>T = 1: the teacher&apos;s own prediction</source>
        <translation>T = 1: die eigene Vorhersage des Lehrers</translation>
    </message>
    <message>
        <source>Softened at the chosen T: what the student learns from</source>
        <translation>Geglättet beim gewählten T: woraus der Schüler lernt</translation>
    </message>
    <message>
        <source>Once upon a time, there was a little</source>
        <translation>Once upon a time, there was a little</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>The text whose next token the teacher predicts</source>
        <translation>Der Text, dessen nächstes Token der Lehrer vorhersagt</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Divides the logits before the softmax: 1 keeps the model&apos;s distribution, higher values spread probability onto the less likely tokens</source>
        <translation>Teilt die Logits vor dem Softmax: 1 behält die Verteilung des Modells bei, höhere Werte verteilen Wahrscheinlichkeit auf die weniger wahrscheinlichen Token</translation>
    </message>
    <message>
        <source>Next-token probabilities of the ten likeliest tokens</source>
        <translation>Wahrscheinlichkeiten der zehn wahrscheinlichsten nächsten Token</translation>
    </message>
    <message>
        <source>Next token (␣ is a space)</source>
        <translation>Nächstes Token (␣ ist ein Leerzeichen)</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>Wahrscheinlichkeit (%)</translation>
    </message>
    <message>
        <source>%1: %2 at T = %3</source>
        <translation>%1: %2 bei T = %3</translation>
    </message>
    <message>
        <source>The teacher reads the prompt…</source>
        <translation>Der Lehrer liest den Prompt…</translation>
    </message>
    <message>
        <source>Predicting the next token</source>
        <translation>Vorhersage des nächsten Tokens</translation>
    </message>
    <message>
        <source>T = %1</source>
        <translation>T = %1</translation>
    </message>
    <message>
        <source>Open a model the lab can run (the sample model is one) to ask it as a teacher.</source>
        <translation>Öffnen Sie ein Modell, das das Labor ausführen kann (das Beispielmodell ist eines), um es als Lehrer zu befragen.</translation>
    </message>
    <message>
        <source>At T = %1 the likeliest token gets %2 (at T = 1: %3). The distribution&apos;s entropy is %4 bits — as unsure as a fair choice among %5 tokens; the ten tokens drawn hold %6 of the probability, the other %7 tokens of the vocabulary the rest.</source>
        <translation>Bei T = %1 erhält das wahrscheinlichste Token %2 (bei T = 1: %3). Die Entropie der Verteilung beträgt %4 Bit — so unsicher wie eine faire Wahl unter %5 Token; die zehn gezeigten Token vereinen %6 der Wahrscheinlichkeit auf sich, die übrigen %7 Token des Vokabulars den Rest.</translation>
    </message>
</context>
<context>
    <name>complab::TensorStatsWidget</name>
    <message>
        <source>Select a tensor to see its values</source>
        <translation>Wählen Sie einen Tensor, um seine Werte zu sehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Number of values in the tensor.</source>
        <translation>Anzahl der Werte im Tensor.</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Smallest finite value.</source>
        <translation>Kleinster endlicher Wert.</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Largest finite value.</source>
        <translation>Größter endlicher Wert.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Average of the finite values.</source>
        <translation>Durchschnitt der endlichen Werte.</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>Standardabw.</translation>
    </message>
    <message>
        <source>Typical distance of a value from the mean: the width of the bell in the histogram.</source>
        <translation>Typischer Abstand eines Werts vom Mittelwert: die Breite der Glocke im Histogramm.</translation>
    </message>
    <message>
        <source>Largest magnitude</source>
        <translation>Größter Betrag</translation>
    </message>
    <message>
        <source>The largest |value|. A quantiser&apos;s grid must reach it, so one outlier coarsens the grid for all.</source>
        <translation>Der größte |Wert|. Das Raster eines Quantisierers muss ihn erreichen, daher macht ein einziger Ausreißer das Raster für alle gröber.</translation>
    </message>
    <message>
        <source>Exact zeros</source>
        <translation>Exakte Nullen</translation>
    </message>
    <message>
        <source>Values that are exactly 0 (pruned weights show up here).</source>
        <translation>Werte, die genau 0 sind (entfernte Gewichte erscheinen hier).</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>Not-a-number values: a damaged or badly converted tensor.</source>
        <translation>Werte, die keine Zahl sind (NaN): ein beschädigter oder schlecht konvertierter Tensor.</translation>
    </message>
    <message>
        <source>Infinite</source>
        <translation>Unendlich</translation>
    </message>
    <message>
        <source>Infinite values: overflow in a conversion or in training.</source>
        <translation>Unendliche Werte: Überlauf bei einer Konvertierung oder im Training.</translation>
    </message>
    <message>
        <source>Number of weights</source>
        <translation>Anzahl Gewichte</translation>
    </message>
    <message>
        <source>Weights per value bin</source>
        <translation>Gewichte pro Werteintervall</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>Distribution of values</source>
        <translation>Verteilung der Werte</translation>
    </message>
    <message>
        <source>Stop computing the statistics of this tensor</source>
        <translation>Berechnung der Statistik dieses Tensors abbrechen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read this tensor: %1</source>
        <translation>Dieser Tensor konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2, shape %3</source>
        <translation>%1 — %2, Form %3</translation>
    </message>
    <message>
        <source>Distribution of values in %1</source>
        <translation>Verteilung der Werte in %1</translation>
    </message>
    <message>
        <source>Statistics of %1</source>
        <translation>Statistik von %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>complab::TensorTreeModel</name>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <source>%1
%2, shape %3, %4 parameters, %5</source>
        <translation>%1
%2, Form %3, %4 Parameter, %5</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries</source>
        <translation>
            <numerusform>%1: %n Eintrag</numerusform>
            <numerusform>%1: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Rows × columns of the weight matrix (a vector has one dimension).</source>
        <translation>Zeilen × Spalten der Gewichtsmatrix (ein Vektor hat eine Dimension).</translation>
    </message>
    <message>
        <source>The number format each weight is stored in.</source>
        <translation>Das Zahlenformat, in dem jedes Gewicht gespeichert ist.</translation>
    </message>
    <message>
        <source>Number of weights in the tensor or group.</source>
        <translation>Anzahl der Gewichte im Tensor oder in der Gruppe.</translation>
    </message>
    <message>
        <source>Storage the tensor or group takes in the file.</source>
        <translation>Speicherplatz, den der Tensor oder die Gruppe in der Datei belegt.</translation>
    </message>
</context>
<context>
    <name>complab::WorkshopView</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Present (F5)</source>
        <translation>Präsentieren (F5)</translation>
    </message>
    <message>
        <source>Compression Lab — Workshop</source>
        <translation>Compression Lab — Workshop</translation>
    </message>
    <message>
        <source>The map</source>
        <translation>Die Übersicht</translation>
    </message>
    <message>
        <source>Compression is the family; quantisation is one member of it. Any technique that makes a model smaller or cheaper to run while keeping its behaviour belongs here. Four families do most of the work, and they compose: a self-hosted model has usually been through two or three of them. Each box says what the family would do to the open model under the lab&apos;s current recipe; the chart, what each precision alone would weigh.</source>
        <translation>Kompression ist die Familie; Quantisierung ist eines ihrer Mitglieder. Jede Technik, die ein Modell kleiner oder günstiger im Betrieb macht und dabei sein Verhalten bewahrt, gehört dazu. Vier Familien leisten den Großteil der Arbeit, und sie lassen sich kombinieren: Ein selbst gehostetes Modell hat meist zwei oder drei von ihnen durchlaufen. Jeder Kasten zeigt, was die Familie unter dem aktuellen Rezept des Labors mit dem geöffneten Modell machen würde; das Diagramm, wie viel jede Präzision allein wiegen würde.</translation>
    </message>
    <message>
        <source>What quantisation does</source>
        <translation>Was Quantisierung bewirkt</translation>
    </message>
    <message>
        <source>Quantisation stores every weight on a coarser grid. An FP32 weight can take about four billion values; INT8 allows 256, INT4 sixteen, INT2 four. The network still computes, on a blurred copy of itself. Below is a real row of the open model: lower the bits and watch the red steps. Each bit removed doubles the spacing of the grid and roughly doubles the error; at 2 bits most weights share a handful of values.</source>
        <translation>Quantisierung speichert jedes Gewicht auf einem gröberen Raster. Ein FP32-Gewicht kann etwa vier Milliarden Werte annehmen; INT8 erlaubt 256, INT4 sechzehn, INT2 vier. Das Netz rechnet weiter, auf einer unscharfen Kopie seiner selbst. Unten sehen Sie eine echte Zeile des geöffneten Modells: Verringern Sie die Bitzahl und beobachten Sie die roten Stufen. Jedes weggenommene Bit verdoppelt den Abstand im Raster und ungefähr auch den Fehler; bei 2 Bit teilen sich die meisten Gewichte eine Handvoll Werte.</translation>
    </message>
    <message>
        <source>The arithmetic</source>
        <translation>Die Rechnung</translation>
    </message>
    <message>
        <source>Three first-order equations carry the lab&apos;s estimates. Memory falls linearly with the bits; pruning costs little until about 60 % and then the cubic term takes over; distillation loses a small, fixed amount per halving of the size. The constants are calibrated on published results (GPTQ, AWQ, Wanda, SparseGPT and distilled models), not derived: argue with them by editing them.</source>
        <translation>Drei Gleichungen erster Näherung tragen die Schätzungen des Labors. Der Speicher sinkt linear mit der Bitzahl; Pruning kostet bis etwa 60 % wenig, dann übernimmt der kubische Term; Destillation verliert pro Halbierung der Größe einen kleinen, festen Betrag. Die Konstanten sind an veröffentlichten Ergebnissen kalibriert (GPTQ, AWQ, Wanda, SparseGPT und destillierte Modelle), nicht hergeleitet: Widersprechen Sie ihnen, indem Sie sie ändern.</translation>
    </message>
    <message>
        <source>Open the lab window, where the same recipe is measured on the checkpoint</source>
        <translation>Das Laborfenster öffnen, in dem dasselbe Rezept am Checkpoint gemessen wird</translation>
    </message>
    <message>
        <source>The lab</source>
        <translation>Das Labor</translation>
    </message>
    <message>
        <source>Compose the techniques and watch the footprint move. These cards are the rules of the previous chapter applied to the open model (or to any size you choose); they build intuition, they are not a benchmark. Calibration data, activation outliers and fine-tuning after pruning all move real results.</source>
        <translation>Kombinieren Sie die Techniken und sehen Sie zu, wie sich der Speicherbedarf verändert. Diese Karten sind die Regeln des vorigen Kapitels, angewandt auf das geöffnete Modell (oder auf eine beliebige Größe Ihrer Wahl); sie schärfen die Intuition, sind aber kein Benchmark. Kalibrierungsdaten, Ausreißer in den Aktivierungen und Feinabstimmung nach dem Pruning verschieben alle die realen Ergebnisse.</translation>
    </message>
    <message>
        <source>The techniques in depth</source>
        <translation>Die Techniken im Detail</translation>
    </message>
    <message>
        <source>Each technique on the open model, computed now on its own tensors (the tensor chosen in the lab window).</source>
        <translation>Jede Technik am geöffneten Modell, jetzt an dessen eigenen Tensoren berechnet (an dem im Laborfenster gewählten Tensor).</translation>
    </message>
    <message>
        <source>The landscape</source>
        <translation>Die Modelllandschaft</translation>
    </message>
    <message>
        <source>Where real models sit: the bytes of their weights against a rough quality score (MMLU and chat-arena results at release, normalised so that Llama-3.1-8B at FP16 is about 100). INT4 moves every model to the left — a quarter of FP16&apos;s bytes — with little loss in height, which is why it became the default. The marker is the lab&apos;s current recipe.</source>
        <translation>Wo reale Modelle liegen: die Bytes ihrer Gewichte gegen einen groben Qualitätswert (MMLU- und Chat-Arena-Ergebnisse zur Veröffentlichung, so normiert, dass Llama-3.1-8B in FP16 bei etwa 100 liegt). INT4 verschiebt jedes Modell nach links — auf ein Viertel der Bytes von FP16 — bei geringem Höhenverlust; deshalb wurde es zum Standard. Die Markierung ist das aktuelle Rezept des Labors.</translation>
    </message>
    <message>
        <source>The decision guide</source>
        <translation>Die Entscheidungshilfe</translation>
    </message>
    <message>
        <source>Pick the situation closest to yours: the lab loads the recipe to reach for first, and the cards below show what it costs for the open model. A model is a budget of memory, arithmetic and attention; compression spends it more cheaply for almost the same behaviour.</source>
        <translation>Wählen Sie die Situation, die Ihrer am nächsten kommt: Das Labor lädt das Rezept der ersten Wahl, und die Karten darunter zeigen, was es beim geöffneten Modell kostet. Ein Modell ist ein Budget aus Speicher, Rechenaufwand und Attention; Kompression gibt es sparsamer aus, bei fast gleichem Verhalten.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Full screen in large type; arrow keys move between chapters, Escape returns</source>
        <translation>Vollbild mit großer Schrift; die Pfeiltasten wechseln zwischen den Kapiteln, Esc kehrt zurück</translation>
    </message>
    <message>
        <source>Post-training quantisation converts a trained model with a little calibration text. &lt;b&gt;GPTQ&lt;/b&gt; (Frantar et al. 2022) rounds one column at a time and lets the columns not yet rounded absorb the error; &lt;b&gt;AWQ&lt;/b&gt; (Lin et al. 2023) scales up the input channels that meet large activations before rounding; &lt;b&gt;SmoothQuant&lt;/b&gt; (Xiao et al. 2022) moves activation outliers into the weights so that activations can be INT8 too; &lt;b&gt;QLoRA&lt;/b&gt; (Dettmers et al. 2023) brought the 4-bit NormalFloat code (NF4). Quantisation-aware training goes below 4 bits with less loss, at the price of training. The chart: every scheme&apos;s error on the selected tensor, measured.</source>
        <translation>Post-Training-Quantisierung wandelt ein trainiertes Modell mit etwas Kalibrierungstext um. &lt;b&gt;GPTQ&lt;/b&gt; (Frantar et al. 2022) rundet Spalte für Spalte und lässt die noch nicht gerundeten Spalten den Fehler auffangen; &lt;b&gt;AWQ&lt;/b&gt; (Lin et al. 2023) skaliert vor dem Runden die Eingangskanäle hoch, die auf große Aktivierungen treffen; &lt;b&gt;SmoothQuant&lt;/b&gt; (Xiao et al. 2022) verlagert Ausreißer der Aktivierungen in die Gewichte, sodass auch die Aktivierungen INT8 sein können; &lt;b&gt;QLoRA&lt;/b&gt; (Dettmers et al. 2023) brachte den 4-Bit-Code NormalFloat (NF4). Quantisierungsbewusstes Training kommt mit weniger Verlust unter 4 Bit, um den Preis eines Trainings. Das Diagramm: der Fehler jedes Schemas am gewählten Tensor, gemessen.</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Pruning removes weights. Magnitude pruning drops the smallest; &lt;b&gt;Wanda&lt;/b&gt; (Sun et al. 2023) weighs each weight by the size of the activations it multiplies; &lt;b&gt;SparseGPT&lt;/b&gt; (Frantar and Alistarh 2023) also updates the weights that stay to make up for those removed. Scattered zeros need special kernels to run faster; &lt;b&gt;2:4&lt;/b&gt; — two zeros in every four — is the pattern NVIDIA&apos;s Ampere GPUs accelerate; removing whole rows leaves a smaller dense matrix that is fast anywhere but costs more quality. White: removed.</source>
        <translation>Pruning entfernt Gewichte. Betrags-Pruning streicht die kleinsten; &lt;b&gt;Wanda&lt;/b&gt; (Sun et al. 2023) bewertet jedes Gewicht nach der Größe der Aktivierungen, mit denen es multipliziert wird; &lt;b&gt;SparseGPT&lt;/b&gt; (Frantar und Alistarh 2023) passt zusätzlich die verbleibenden Gewichte an, um die entfernten auszugleichen. Verstreute Nullen brauchen spezielle Kernels, um schneller zu laufen; &lt;b&gt;2:4&lt;/b&gt; — zwei Nullen in je vier — ist das Muster, das die Ampere-GPUs von NVIDIA beschleunigen; das Entfernen ganzer Zeilen hinterlässt eine kleinere dichte Matrix, die überall schnell ist, aber mehr Qualität kostet. Weiß: entfernt.</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Pruning</translation>
    </message>
    <message>
        <source>Distillation trains a smaller student to imitate a teacher. &lt;b&gt;Hinton, Vinyals and Dean (2015)&lt;/b&gt; train the student on the teacher&apos;s probabilities softened by a temperature T. At T = 1 the likeliest token takes nearly everything; as T rises the runners-up appear, and their sizes — which wrong answers are almost right — are what the student learns beyond the label. Here the open model is the teacher. Distillation needs a training run, so the lab estimates its size and quality rather than measuring them.</source>
        <translation>Destillation trainiert einen kleineren Schüler darauf, einen Lehrer nachzuahmen. &lt;b&gt;Hinton, Vinyals und Dean (2015)&lt;/b&gt; trainieren den Schüler auf den Wahrscheinlichkeiten des Lehrers, geglättet durch eine Temperatur T. Bei T = 1 erhält das wahrscheinlichste Token fast alles; mit steigendem T erscheinen die Nächstplatzierten, und ihre Größen — welche falschen Antworten fast richtig sind — sind das, was der Schüler über das Label hinaus lernt. Hier ist das geöffnete Modell der Lehrer. Destillation erfordert einen Trainingslauf, daher schätzt das Labor Größe und Qualität, statt sie zu messen.</translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation>Destillation</translation>
    </message>
    <message>
        <source>A d × k matrix can be replaced by two thin factors of rank r, which saves bytes when r·(d + k) &amp;lt; d·k. The singular value decomposition gives the best such factors, and its energy curve says how many of them a matrix needs. Trained language-model weights are usually close to full rank — a slow curve — which is why low rank is a niche for them (embedding tables, bottlenecks). LoRA adapters are low rank too, but for fine-tuning, not for compression.</source>
        <translation>Eine d × k-Matrix lässt sich durch zwei schmale Faktoren vom Rang r ersetzen; das spart Bytes, wenn r·(d + k) &amp;lt; d·k. Die Singulärwertzerlegung liefert die besten solchen Faktoren, und ihre Energiekurve zeigt, wie viele davon eine Matrix braucht. Trainierte Gewichte von Sprachmodellen haben meist nahezu vollen Rang — eine langsam steigende Kurve —, weshalb Niedrigrang für sie eine Nische ist (Embedding-Tabellen, Engpass-Schichten). LoRA-Adapter sind ebenfalls niedrigrangig, aber für die Feinabstimmung, nicht für die Kompression.</translation>
    </message>
    <message>
        <source>Low rank</source>
        <translation>Niedrigrang</translation>
    </message>
    <message>
        <source>Chapter %1 of %2 · %3</source>
        <translation>Kapitel %1 von %2 · %3</translation>
    </message>
    <message>
        <source>End presentation (Esc)</source>
        <translation>Präsentation beenden (Esc)</translation>
    </message>
</context>
<context>
    <name>complab::format</name>
    <message>
        <source>scalar</source>
        <translation>Skalar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A laboratory for compressing language models.</source>
        <translation>Ein Labor zum Komprimieren von Sprachmodellen.</translation>
    </message>
    <message>
        <source>Checkpoint file or folder to open (default: the bundled sample).</source>
        <translation>Zu öffnende Checkpoint-Datei oder Ordner (Standard: das mitgelieferte Beispiel).</translation>
    </message>
    <message>
        <source>[checkpoint]</source>
        <translation>[Checkpoint]</translation>
    </message>
    <message>
        <source>Select this tensor once the checkpoint is open (e.g. model.layers.0.mlp.up_proj.weight).</source>
        <translation>Diesen Tensor auswählen, sobald der Checkpoint geöffnet ist (z. B. model.layers.0.mlp.up_proj.weight).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Set the sliders from this recipe file (compression-lab-recipe JSON).</source>
        <translation>Die Regler aus dieser Rezeptdatei setzen (compression-lab-recipe-JSON).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Compare the checkpoint with this second one of the same model (compare mode).</source>
        <translation>Den Checkpoint mit diesem zweiten desselben Modells vergleichen (Vergleichsmodus).</translation>
    </message>
    <message>
        <source>Open the workshop at this chapter (1-7) once the checkpoint is open.</source>
        <translation>Den Workshop bei diesem Kapitel (1-7) öffnen, sobald der Checkpoint geöffnet ist.</translation>
    </message>
    <message>
        <source>chapter</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Show the workshop in presentation mode (full screen, large type).</source>
        <translation>Den Workshop im Präsentationsmodus zeigen (Vollbild, große Schrift).</translation>
    </message>
</context>
</TS>
